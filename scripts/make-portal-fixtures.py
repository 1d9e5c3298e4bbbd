#!/usr/bin/env python3
"""Writes fixtures/portal/: HTML pages in the shapes Vietnamese provincial portals really have
(Liferay, SharePoint, DotNetNuke, table-layout ASP.NET, Word exports, VNPT/Joomla/WordPress-style
gov templates, short articles under long boilerplate), each with its gold article text.

The gold is written from the same parts the page is built from: title, date line as displayed,
lead, body paragraphs, table rows as `cell | cell`, captions, byline; paragraphs separated by one
blank line (the format of fixtures/html/README.md). Run once; the output is committed.
Usage: scripts/make-portal-fixtures.py [OUT_DIR]
"""
import html, os, sys, unicodedata

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "fixtures", "portal")

ARTICLES = [
    dict(title="Tổng kết công tác thi đua, khen thưởng năm 2019 huyện Châu Thành",
         date="Ngày đăng: 15/01/2020",
         lead="Sáng ngày 14/01/2020, UBND huyện Châu Thành tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2019 và triển khai nhiệm vụ năm 2020.",
         body=["Năm 2019, phong trào thi đua yêu nước trên địa bàn huyện được triển khai sâu rộng, gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị. Tốc độ tăng trưởng kinh tế đạt 8,6%, thu ngân sách đạt 112,4% dự toán.",
               "Trong năm, Chủ tịch UBND huyện đã tặng Giấy khen cho 86 tập thể, 214 cá nhân có thành tích xuất sắc; đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể, 25 cá nhân.",
               "Toàn huyện có 9/11 xã đạt chuẩn nông thôn mới, chiếm 81,8%; tỷ lệ hộ nghèo giảm còn 2,15%.",
               "Phát biểu tại hội nghị, đồng chí Chủ tịch UBND huyện đề nghị các cơ quan, đơn vị tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua năm 2020."],
         caption="Lãnh đạo huyện trao Giấy khen cho các tập thể có thành tích xuất sắc năm 2019",
         byline="Ngọc Hân - Phòng Nội vụ"),
    dict(title="Phát động phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh lần thứ XI",
         date="Cập nhật ngày 05/06/2020 08:15",
         lead="Ngày 03/6/2020, UBND tỉnh ban hành Kế hoạch số 98/KH-UBND phát động phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025.",
         body=["Phong trào nhằm động viên cán bộ, công chức, viên chức, người lao động và các tầng lớp Nhân dân thi đua hoàn thành thắng lợi các chỉ tiêu kinh tế - xã hội năm 2020 và giai đoạn 2016 - 2020.",
               "Kế hoạch đề ra 05 nội dung thi đua trọng tâm, trong đó tập trung đẩy mạnh cải cách hành chính, xây dựng nông thôn mới và bảo đảm an sinh xã hội.",
               "Sơ kết phong trào được tổ chức vào quý III/2020; tổng kết gắn với tổng kết công tác thi đua, khen thưởng năm 2020."],
         caption=None, byline="Minh Tuấn"),
    dict(title="Hội nghị sơ kết 6 tháng đầu năm 2021 Cụm thi đua các huyện miền núi",
         date="Thứ Hai, 12/07/2021 | 10:20",
         lead="Chiều 09/7/2021, Cụm thi đua các huyện miền núi tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2021.",
         body=["Sáu tháng đầu năm, các địa phương trong Cụm đã thực hiện tốt các phong trào thi đua; tổng thu ngân sách trên địa bàn đạt 1.254,6 tỷ đồng, bằng 58,3% dự toán.",
               "Các huyện đã khen thưởng cho 1.245 tập thể, cá nhân, trong đó khen thưởng đột xuất 146 trường hợp, khen thưởng người trực tiếp lao động sản xuất chiếm 64,5%.",
               "Hội nghị thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho 02 đơn vị dẫn đầu và Bằng khen cho 03 đơn vị."],
         caption="Quang cảnh hội nghị", byline="Hoàng Lan - Ban Thi đua - Khen thưởng"),
    dict(title="Trao Huân chương Lao động cho các tập thể, cá nhân tỉnh Bến Tre",
         date="21/03/2019 14:05",
         lead="Ngày 21-3-2019, UBND tỉnh tổ chức lễ trao tặng Huân chương Lao động của Chủ tịch nước cho các tập thể, cá nhân có thành tích xuất sắc.",
         body=["Thừa ủy quyền của Chủ tịch nước, lãnh đạo tỉnh đã trao Huân chương Lao động hạng Ba cho 02 tập thể và 03 cá nhân; Huân chương Lao động hạng Nhì cho 01 cá nhân.",
               "Dịp này, Thủ tướng Chính phủ tặng Bằng khen cho 05 tập thể và 07 cá nhân theo Quyết định số 245/QĐ-TTg ngày 01/3/2019.",
               "Tổng giá trị khen thưởng là 312,5 triệu đồng, trích từ Quỹ thi đua, khen thưởng của tỉnh."],
         caption="Lãnh đạo tỉnh trao Huân chương Lao động hạng Ba cho các tập thể", byline="Thanh Nhã"),
    dict(title="Kết quả thực hiện phong trào thi đua Cả nước chung sức xây dựng nông thôn mới",
         date="(Ngày 28/12/2018)",
         lead="Sau 8 năm triển khai, phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” trên địa bàn tỉnh đã đạt nhiều kết quả quan trọng.",
         body=["Đến nay, toàn tỉnh có 52/118 xã được công nhận đạt chuẩn nông thôn mới, bình quân đạt 15,6 tiêu chí/xã, tăng 1,3 tiêu chí so với năm 2017.",
               "Tổng nguồn vốn huy động thực hiện chương trình giai đoạn 2011 - 2018 đạt 24.315 tỷ đồng, trong đó Nhân dân đóng góp 1.987 tỷ đồng.",
               "UBND tỉnh đã tặng Bằng khen cho 68 tập thể, 115 cá nhân và 12 doanh nghiệp có nhiều đóng góp cho phong trào."],
         caption="Đường giao thông nông thôn tại xã Bình Thạnh", byline="Theo Báo Kiên Giang"),
    dict(title="UBND tỉnh khen thưởng các đơn vị xuất sắc trong phòng chống dịch",
         date="Ngày: 02.04.2020",
         lead="Chủ tịch UBND tỉnh vừa ký quyết định tặng Bằng khen cho 15 tập thể và 32 cá nhân có thành tích xuất sắc trong công tác phòng, chống dịch bệnh Covid-19.",
         body=["Các tập thể, cá nhân được khen thưởng đã có nhiều đóng góp trong việc khoanh vùng, cách ly, điều trị và tuyên truyền phòng chống dịch trên địa bàn tỉnh.",
               "Kèm theo Bằng khen, mỗi tập thể được thưởng 1.490.000 đồng, mỗi cá nhân được thưởng 745.000 đồng."],
         caption=None, byline="P.V"),
]

TABLE = [["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân"],
         ["1", "Huân chương Lao động hạng Ba", "02", "05"],
         ["2", "Bằng khen của Thủ tướng Chính phủ", "04", "11"],
         ["3", "Cờ thi đua của UBND tỉnh", "16", "0"],
         ["4", "Bằng khen của Chủ tịch UBND tỉnh", "73", "158"]]

TIN_MOI = [("Hội nghị giao ban công tác Nội vụ quý I/2019", "12/04/2019"),
           ("Kế hoạch tổ chức Ngày hội đại đoàn kết toàn dân tộc năm 2019", "08/04/2019"),
           ("Tập huấn nghiệp vụ công tác thi đua, khen thưởng năm 2019", "02/04/2019"),
           ("Thông báo tuyển dụng viên chức sự nghiệp giáo dục năm 2019", "28/03/2019"),
           ("Đoàn công tác của tỉnh thăm và làm việc tại huyện Tân Phước", "25/03/2019")]
VAN_BAN = ["Quyết định số 1245/QĐ-UBND ngày 12/4/2019 về việc tặng Bằng khen",
           "Kế hoạch số 45/KH-UBND ngày 08/4/2019 về công tác thi đua năm 2019",
           "Công văn số 812/UBND-NC ngày 01/4/2019 về việc xét khen thưởng"]
MENU = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Thi đua - Khen thưởng", "Văn bản pháp quy",
        "Thủ tục hành chính", "Lịch công tác", "Hỏi đáp", "Liên hệ"]
FOOTER = ["CỔNG THÔNG TIN ĐIỆN TỬ TỈNH", "Cơ quan chủ quản: Ủy ban nhân dân tỉnh",
          "Địa chỉ: Số 07 Hùng Vương, phường 1, thành phố", "Điện thoại: 0273.3872.123 - Fax: 0273.3872.456",
          "Email: ubnd@tinh.gov.vn", "Giấy phép số 24/GP-TTĐT ngày 20/5/2016 của Sở Thông tin và Truyền thông",
          "Ghi rõ nguồn khi phát hành lại thông tin từ website này."]
COUNTER = ["Thống kê truy cập", "Đang online: 126", "Hôm nay: 2.345", "Tổng lượt truy cập: 12.456.789"]

def e(s): return html.escape(s, quote=True)

def gold(a, table=False, caption=True):
    parts = [a["title"], a["date"], a["lead"]]
    body = list(a["body"])
    if table:
        parts += body[:1]
        parts += [" | ".join(r) for r in TABLE]
        parts += body[1:]
    else:
        parts += body
    if caption and a.get("caption"): parts.append(a["caption"])
    parts.append(a["byline"])
    return "\n\n".join(parts) + "\n"

def ul(items, cls=""):
    return f'<ul class="{cls}">' + "".join(f'<li><a href="/tin/{i}.html">{e(t)}</a></li>' for i, t in enumerate(items)) + "</ul>"

def tin_moi_list(cls="list-news"):
    return f'<ul class="{cls}">' + "".join(f'<li><a href="/tin-{i}.html">{e(t)}</a> <span class="date">({d})</span></li>' for i, (t, d) in enumerate(TIN_MOI)) + "</ul>"

def table_html(style="border=1"):
    rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in TABLE)
    return f'<table {style} cellpadding="3">{rows}</table>'

def page_liferay(a, variant):
    side = f'''<div class="portlet-boundary portlet-asset-publisher" id="p_p_id_101_INSTANCE_tinmoi_">
<div class="portlet-title"><span class="portlet-title-text">Tin mới</span></div>
<div class="portlet-content">{tin_moi_list("asset-list")}</div></div>
<div class="portlet-boundary" id="p_p_id_vanbanmoi_"><div class="portlet-title">Văn bản mới</div>
<div class="portlet-content">{ul(VAN_BAN, "vb-list")}</div></div>'''
    caption = f'<p style="text-align:center"><img src="/documents/10180/123/anh1.jpg"/></p><p style="text-align:center"><em>{e(a["caption"])}</em></p>' if a["caption"] else ""
    body = "".join(f'<p style="text-align: justify;"><span style="font-size:14px;">{e(p)}</span></p>' for p in a["body"])
    article = f'''<div class="portlet-boundary portlet-journal-content" id="p_p_id_56_INSTANCE_abc_">
<div class="portlet-body"><div class="journal-content-article">
<h3 class="header-title">{e(a["title"])}</h3>
<div class="date-publish">{e(a["date"])}</div>
<p><strong>{e(a["lead"])}</strong></p>{body}{caption}
<p style="text-align: right;"><strong>{e(a["byline"])}</strong></p>
</div>
<div class="taglib-social-bookmarks"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">In trang</a></div>
<div class="lfr-asset-links"><h4>Tin liên quan</h4>{tin_moi_list()}</div>
</div></div>'''
    cols = f'<div id="column-1" class="aui-w70 portlet-column">{article}</div><div id="column-2" class="aui-w30 portlet-column">{side}</div>'
    if variant == 2:
        cols = f'<div id="column-1" class="aui-w25 portlet-column">{side}</div><div id="column-2" class="aui-w75 portlet-column"><div class="breadcrumbs"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>{article}</div>'
    return f'''<!DOCTYPE html><html class="aui ltr" dir="ltr" lang="vi-VN"><head><title>{e(a["title"])} - Cổng thông tin điện tử tỉnh</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" /><link href="/html/themes/classic/css/main.css" rel="stylesheet"/>
<script>var Liferay = {{Browser: {{}}, ThemeDisplay: {{getLanguageId: function() {{ return "vi_VN"; }}}}}};</script></head>
<body class="yui3-skin-sam controls-visible signed-out public-page site"><div id="wrapper"><header id="banner" role="banner"><div id="heading"><h1 class="site-title"><a class="logo" href="/"><img alt="Cổng thông tin điện tử tỉnh" src="/logo.png"/></a></h1></div>
<nav class="sort-pages modify-pages" id="navigation">{ul(MENU)}</nav></header>
<div class="marquee"><marquee>Chào mừng kỷ niệm 45 năm Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước</marquee></div>
<div id="content"><div class="portlet-layout">{cols}</div></div>
<footer id="footer" role="contentinfo">{"".join(f"<p>{e(x)}</p>" for x in FOOTER)}<div class="counter">{"<br/>".join(COUNTER)}</div></footer></div></body></html>'''

def page_sharepoint(a, variant):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    caption = f'<div class="ms-rteElement-Caption"><img src="/SiteAssets/anh.jpg" alt="anh.jpg"/><br/>{e(a["caption"])}</div>' if a["caption"] else ""
    if variant == 1:
        main = f'''<div class="news-detail"><div class="title-news"><h2>{e(a["title"])}</h2></div>
<div class="date-news"><span>{e(a["date"])}</span><span class="tools"><a href="javascript:window.print()">In bài</a> | <a href="#">Gửi email</a> | <a href="#">A-</a> <a href="#">A+</a></span></div>
<div class="summary"><b>{e(a["lead"])}</b></div>
<div id="ctl00_PlaceHolderMain_ctl01__ControlWrapper_RichHtmlField" class="ms-rtestate-field"><div class="ExternalClass8F1A">{body}{caption}<p style="text-align:right"><b>{e(a["byline"])}</b></p></div></div>
<div class="other-news"><div class="title">Các tin khác</div>{tin_moi_list()}</div></div>'''
    else:
        main = f'''<table width="100%" class="ms-WPBody"><tr><td class="ms-vb"><span class="ms-announcementtitle">{e(a["title"])}</span></td></tr>
<tr><td class="ms-vb2"><span class="ngaydang">{e(a["date"])}</span></td></tr>
<tr><td><div class="ms-rtestate-field"><p><strong>{e(a["lead"])}</strong></p>{body}{caption}<p align="right"><strong>{e(a["byline"])}</strong></p></div></td></tr></table>
<div class="ms-WPBody tinkhac"><h3>Tin khác</h3>{tin_moi_list()}</div>'''
    return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN"><head><meta name="GENERATOR" content="Microsoft SharePoint"/><meta http-equiv="Content-type" content="text/html; charset=utf-8"/>
<title>{e(a["title"])}</title><link rel="stylesheet" type="text/css" href="/_layouts/1033/styles/Themable/corev4.css"/>
<script type="text/javascript">var _fV4UI = true; function _spBodyOnLoadWrapper() {{}}</script></head>
<body scroll="no" onload="javascript:_spBodyOnLoadWrapper();"><form name="aspnetForm" method="post" action="/Pages/tin-tuc.aspx" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAg=="/></form>
<div id="s4-workspace"><div id="s4-bodyContainer"><div id="s4-titlerow"><div class="s4-title"><img src="/logo.png" alt="Sở Nội vụ"/></div>
<div id="zz13_TopNavigationMenuV4" class="s4-tn">{ul(MENU, "root static")}</div></div>
<div id="s4-leftpanel"><div class="ms-quicklaunch">{ul(["Giới thiệu chung", "Cơ cấu tổ chức", "Chức năng nhiệm vụ", "Tin hoạt động", "Văn bản chỉ đạo"])}</div></div>
<div class="s4-ca s4-ca-dlgNoRibbon" id="MSO_ContentTable">{main}</div>
<div class="footer">{"<br/>".join(e(x) for x in FOOTER)}</div></div></div></body></html>'''

def page_dnn(a, variant):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    caption = f'<p style="text-align: center;"><img alt="" src="/Portals/0/Images/2019/hoinghi.jpg" width="500"/></p><p style="text-align: center;"><em><span style="font-size: 12px;">{e(a["caption"])}</span></em></p>' if a["caption"] else ""
    related = f'<div class="eds_relatedArticles"><h3 class="edn_relatedTitle">Tin liên quan</h3>{tin_moi_list("edn_related")}</div>' if variant == 2 else ""
    return f'''<!DOCTYPE html><html lang="vi-VN"><head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>{e(a["title"])} &gt; Sở Nội vụ</title><meta id="MetaDescription" name="DESCRIPTION" content="{e(a["lead"])}"/>
<link href="/Portals/_default/Skins/Xcillion/skin.css" type="text/css" rel="stylesheet"/></head>
<body id="Body"><form method="post" action="/tin-tuc" id="Form"><div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" value=""/></div></form>
<div id="siteWrapper"><div id="topHeader"><div id="search-action"><span class="searchInputContainer"><input type="text" placeholder="Tìm kiếm"/></span></div>
<div id="mainMenu">{ul(MENU, "topLevel")}</div></div>
<div class="container"><div id="dnn_LeftPane" class="col-md-3 leftPane"><div class="DnnModule DnnModule-DNN_HTML"><div class="DNNContainer_Title"><h2>Liên kết website</h2></div>{ul(["Chính phủ", "Bộ Nội vụ", "Ban Thi đua - Khen thưởng Trung ương", "UBND tỉnh"])}</div>
<div class="DnnModule"><h2>Tin mới</h2>{tin_moi_list()}</div></div>
<div id="dnn_ContentPane" class="col-md-9 contentPane"><div class="DnnModule DnnModule-EasyDNNnews DnnModule-612"><a name="612"></a>
<div class="DNNContainer_noTitle"><div id="dnn_ctr612_ContentPane"><div class="eds_news_Nevada"><div class="edn_articleDetails">
<h1 class="edn_articleTitle">{e(a["title"])}</h1><div class="edn_metaDetails"><span class="edn_articleDate">{e(a["date"])}</span></div>
<div class="edn_articleSummary"><p><strong>{e(a["lead"])}</strong></p></div>
<div class="edn_articleContent"><div class="Normal">{body}{caption}<p style="text-align: right;"><strong>{e(a["byline"])}</strong></p></div></div>
<div class="edn_socialPrintWrapper"><a class="edn_printButton" href="#">In bài</a><span class="st_facebook_hcount">Chia sẻ</span></div>
{related}</div></div></div></div></div></div></div>
<div id="footer">{"".join(f"<p>{e(x)}</p>" for x in FOOTER)}</div><div class="copyright">Copyright © 2019 Sở Nội vụ. All Rights Reserved.</div></div></body></html>'''

def page_aspnet_table(a, variant):
    if variant == 1:
        body = "<br /><br />".join(f'<font face="Times New Roman" size="3">{e(p)}</font>' for p in a["body"])
        cap = f'<br /><br /><center><img src="images/news/2018/anh01.jpg" border="0"><br><i><font size="2">{e(a["caption"])}</font></i></center>' if a["caption"] else ""
        content = f'''<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="TieuDe" style="COLOR:#0000cc;FONT-SIZE:14pt;FONT-WEIGHT:bold">{e(a["title"])}</td></tr>
<tr><td><span id="ctl00_ContentPlaceHolder1_lblNgay" class="NgayDang" style="color:Gray;font-style:italic">{e(a["date"])}</span></td></tr>
<tr><td align="justify"><span id="ctl00_ContentPlaceHolder1_lblTomTat" style="FONT-WEIGHT:bold"><font face="Times New Roman" size="3">{e(a["lead"])}</font></span><br /><br />
<span id="ctl00_ContentPlaceHolder1_lblNoiDung">{body}{cap}<br /><br /><div align="right"><b>{e(a["byline"])}</b></div></span></td></tr>
<tr><td><br/><span class="tieude_tinkhac">Các tin khác:</span>{tin_moi_list("tinkhac")}</td></tr></table>'''
    else:
        body = "".join(f'<p align="justify" style="margin:6pt 0;text-indent:30px"><font face="Arial" size="2">{e(p)}</font>' for p in a["body"])
        cap = f'<p align="center"><img src="/Upload/anh.jpg"><p align="center"><font size="1"><i>{e(a["caption"])}</i></font>' if a["caption"] else ""
        content = f'''<table width="100%" cellpadding=4><tr><td><font color="#990000" size="4"><b>{e(a["title"])}</b></font>
<tr><td><font color="#666666" size="1">{e(a["date"])}</font>
<tr><td><p align="justify"><b><font face="Arial" size="2">{e(a["lead"])}</font></b>{body}{cap}<p align="right"><b><i>{e(a["byline"])}</i></b>
</table><table width="100%"><tr><td class="other"><b>Tin đã đưa:</b>{tin_moi_list()}</td></tr></table>'''
    left = f'''<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="menuleft">{"".join(f'<a class="menu" href="#">{e(m)}</a><br>' for m in MENU)}</td></tr>
<tr><td><img src="/images/hotline.gif"><br><b>Đường dây nóng:</b> 0275.3822.779</td></tr>
<tr><td><b>Thống kê truy cập</b><br>Lượt truy cập: 1.234.567<br>Đang online: 45</td></tr></table>'''
    right = f'<table width="100%"><tr><td><b>VĂN BẢN MỚI</b></td></tr>{"".join(f"<tr><td><a href=#>{e(v)}</a></td></tr>" for v in VAN_BAN)}</table>'
    return f'''<HTML><HEAD><TITLE>Sở Nội vụ - Tin tức sự kiện</TITLE>
<META http-equiv="Content-Type" content="text/html; charset=utf-8"><LINK href="Styles.css" type="text/css" rel="stylesheet"></HEAD>
<BODY leftMargin="0" topMargin="0" MS_POSITIONING="GridLayout"><form name="Form1" method="post" action="ChiTietTin.aspx?id=1245" id="Form1">
<input type="hidden" name="__VIEWSTATE" value="dDwtMTI3OTMzNDM4NDs7Pg=="/></form>
<TABLE id="Table1" cellSpacing="0" cellPadding="0" width="1000" align="center" border="0">
<TR><TD colspan="3"><IMG src="images/banner.jpg" width="1000"></TD></TR>
<TR><TD colspan="3" class="menutop">{" | ".join(f'<A href="#">{e(m)}</A>' for m in MENU)}</TD></TR>
<TR><TD vAlign="top" width="200">{left}</TD><TD vAlign="top" width="600">{content}</TD><TD vAlign="top" width="200">{right}</TD></TR>
<TR><TD colspan="3" align="center" class="footer">{"<br>".join(e(x) for x in FOOTER)}</TD></TR></TABLE></BODY></HTML>'''

def page_word(a, variant):
    def p(text, bold=False, align="justify"):
        t = e(text)
        # Word splits runs at formatting changes, sometimes mid-phrase.
        words = t.split(" ")
        half = max(1, len(words) // 2)
        t = f'<span lang=VI style=\'font-size:13.0pt;font-family:"Times New Roman"\'>{" ".join(words[:half])}</span><span lang=VI style=\'font-size:13.0pt\'> {" ".join(words[half:])}<o:p></o:p></span>'
        if bold: t = f"<b>{t}</b>"
        return f"<p class=MsoNormal align={align} style='text-align:{align};text-indent:36.0pt;line-height:150%'>{t}</p>\n"
    parts = [p(a["title"], True, "center"), p(a["date"], False, "center"), p(a["lead"], True)]
    body = [p(x) for x in a["body"]]
    if variant == 2:
        rows = "".join("<tr>" + "".join(f"<td width=120 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'><p class=MsoNormal align=center><span lang=VI>{e(c)}</span></p></td>" for c in r) + "</tr>\n" for r in TABLE)
        body = body[:1] + [f"<div align=center><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>{rows}</table></div>\n"] + body[1:]
    parts += body
    if a["caption"]: parts.append(p(a["caption"], False, "center"))
    parts.append(p(a["byline"], True, "right"))
    doc = f'''<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset={'windows-1258' if variant == 1 else 'utf-8'}"><meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15"><title>{e(a["title"])}</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>vanthu</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {{margin:0cm;font-size:12.0pt;font-family:"Times New Roman",serif;}} --></style></head>
<body lang=EN-US style='tab-interval:36.0pt'><div class=WordSection1>
{"".join(parts)}</div></body></html>'''
    return doc

def page_gov(a, variant):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    cap = f'<figure class="image"><img src="/uploads/anh.jpg" alt="anh.jpg"/><figcaption>{e(a["caption"])}</figcaption></figure>' if a["caption"] else ""
    if variant == 1:  # VNPT-style portal
        return f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a["title"])}</title>
<meta property="og:title" content="{e(a["title"])}"/><meta property="og:site_name" content="Cổng TTĐT Sở Nội vụ"/><meta name="viewport" content="width=device-width"></head>
<body><div class="header"><div class="logo"><a href="/"><img src="/logo.png"></a></div><div class="top-menu">{ul(MENU)}</div>
<div class="font-size-tools">Cỡ chữ: <a>A</a> <a>A</a> <a>A</a></div></div>
<div class="main"><div class="col-left"><div class="box-news-detail"><div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="#">Tin tức</a></div>
<h1 class="news-title">{e(a["title"])}</h1><div class="news-date"><i class="fa fa-clock-o"></i> {e(a["date"])}</div>
<div class="news-sapo">{e(a["lead"])}</div><div class="news-content">{body}{cap}<p class="author">{e(a["byline"])}</p></div>
<div class="social-share"><div class="fb-like" data-href=""></div><a class="zalo-share-button">Zalo</a></div>
<div class="rating">Đánh giá bài viết: <span>1</span><span>2</span><span>3</span><span>4</span><span>5</span></div>
<div class="news-other"><h3 class="title-other">Tin khác</h3>{tin_moi_list()}</div></div></div>
<div class="col-right"><div class="box"><h3>Tin xem nhiều</h3>{tin_moi_list()}</div><div class="box"><h3>Video</h3><iframe src="https://www.youtube.com/embed/abc"></iframe></div></div></div>
<div class="footer">{"".join(f"<p>{e(x)}</p>" for x in FOOTER)}</div></body></html>'''
    if variant == 2:  # Joomla-style
        return f'''<!DOCTYPE html><html lang="vi-vn" dir="ltr"><head><meta charset="utf-8"/><base href="https://sonoivu.example.gov.vn/"/><title>{e(a["title"])}</title></head>
<body class="site com_content view-article"><div class="container"><header class="header"><a class="brand" href="/">Sở Nội vụ</a><nav class="navigation">{ul(MENU, "nav menu")}</nav></header>
<div class="row-fluid"><div id="aside" class="span3"><div class="moduletable"><h3>Lượt truy cập</h3><p>Hôm nay: 1.234</p><p>Tất cả: 987.654</p></div></div>
<main id="content" role="main" class="span9"><div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">{e(a["title"])}</h2></div>
<dl class="article-info muted"><dd class="published"><span class="icon-calendar"></span><time datetime="" itemprop="datePublished">{e(a["date"])}</time></dd></dl>
<div itemprop="articleBody"><p><strong>{e(a["lead"])}</strong></p>{body}{cap}<p style="text-align: right;"><strong>{e(a["byline"])}</strong></p></div>
<ul class="pager pagenav"><li class="previous"><a href="#" rel="prev">Trước</a></li><li class="next"><a href="#" rel="next">Tiếp</a></li></ul></div>
<div class="moduletable related"><h3>Bài viết liên quan</h3>{tin_moi_list("relateditems")}</div></main></div>
<footer class="footer">{"".join(f"<p>{e(x)}</p>" for x in FOOTER)}</footer></div></body></html>'''
    # WordPress-style
    return f'''<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>{e(a["title"])} &#8211; Ban Thi đua</title>
<link rel="canonical" href="https://btdkt.example.gov.vn/{variant}/"/></head><body class="post-template-default single single-post">
<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title">Ban Thi đua - Khen thưởng</p><nav id="site-navigation" class="main-navigation">{ul(MENU)}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">{e(a["title"])}</h1><div class="entry-meta"><span class="posted-on">{e(a["date"])}</span></div></header>
<div class="entry-content"><p><strong>{e(a["lead"])}</strong></p>{body}{cap}<p style="text-align: right;"><strong>{e(a["byline"])}</strong></p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li></ul></div></div>
<footer class="entry-footer"><span class="cat-links">Chuyên mục: <a href="#">Tin tức</a></span></footer></article>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Liên quan</h3>{tin_moi_list()}</div>
<div id="comments" class="comments-area"><h3>Trả lời</h3><p>Email của bạn sẽ không được hiển thị công khai.</p></div></main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Bài viết mới</h2>{tin_moi_list()}</section></aside></div>
<footer id="colophon" class="site-footer">{"".join(f"<p>{e(x)}</p>" for x in FOOTER)}</footer></div></body></html>'''

def page_short(a, variant):
    """A short article drowned in portal furniture."""
    short = dict(a, body=a["body"][:1])
    boxes = "".join(f'<div class="box-home"><div class="box-title"><a href="#">{e(t)}</a></div>{tin_moi_list()}</div>' for t in ["Tin hoạt động", "Tin địa phương", "Thông báo", "Văn bản chỉ đạo", "Cải cách hành chính"])
    cap = f'<p class="image-caption" style="text-align:center"><img src="/a.jpg"><br/><i>{e(a["caption"])}</i></p>' if a["caption"] and variant == 2 else ""
    art = f'''<div class="detail"><div class="detail-title">{e(a["title"])}</div><div class="detail-time">{e(a["date"])}</div>
<div class="detail-lead">{e(a["lead"])}</div><div class="detail-body"><p>{e(short["body"][0])}</p>{cap}<p align="right"><b>{e(a["byline"])}</b></p></div></div>'''
    page = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a["title"])} | UBND huyện</title></head><body>
<div id="header"><img src="/banner.jpg"><div id="menu">{ul(MENU)}</div><div class="search"><input value="Tìm kiếm..."></div></div>
<div id="wrapper"><div id="left">{boxes}</div><div id="center"><div class="breadcrumb">Trang chủ › Tin tức</div>{art}
<div class="tinkhac"><b>Các tin khác</b>{tin_moi_list()}</div></div>
<div id="right"><div class="box"><h3>Văn bản mới</h3>{ul(VAN_BAN)}</div><div class="box"><h3>Liên kết website</h3><select><option>-- Chọn liên kết --</option><option>Chính phủ</option></select></div>
<div class="box">{"<br/>".join(COUNTER)}</div></div></div><div id="footer">{"<br/>".join(e(x) for x in FOOTER)}</div></body></html>'''
    return page, gold(short, caption=(variant == 2))

def page_entities(a, variant):
    """Legacy page: every Vietnamese letter as a numeric entity, upper-case tags, unclosed p and li."""
    def ent(s): return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in html.escape(s, quote=False))
    body = "".join(f"<P>{ent(p)}" for p in a["body"])
    return f'''<HTML><HEAD><TITLE>{ent(a["title"])}</TITLE><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"></HEAD>
<BODY BGCOLOR=#FFFFFF><TABLE WIDTH=100%><TR><TD WIDTH=180 VALIGN=TOP><UL><LI><A HREF=#>{ent("Trang chủ")}</A><LI><A HREF=#>{ent("Tin tức")}</A><LI><A HREF=#>{ent("Văn bản")}</A></UL>
<TD VALIGN=TOP><H3>{ent(a["title"])}</H3><I>{ent(a["date"])}</I><P><B>{ent(a["lead"])}</B>{body}
<P ALIGN=RIGHT><B>{ent(a["byline"])}</B><HR><FONT SIZE=1>{ent("Tin liên quan")}:</FONT><UL>{"".join(f"<LI><A HREF=#>{ent(t)}</A>" for t, _ in TIN_MOI)}</UL>
</TABLE><CENTER><FONT SIZE=1>{ent(FOOTER[0])}<BR>{ent(FOOTER[2])}</FONT></CENTER></BODY></HTML>'''

def page_award_table(a, variant):
    body = f"<p>{e(a['body'][0])}</p>" + table_html('class="table table-bordered"') + "".join(f"<p>{e(p)}</p>" for p in a["body"][1:])
    return f'''<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(a["title"])}</title>
<meta property="article:published_time" content="2019-03-21T14:05:00+07:00"/></head><body>
<div class="navbar">{ul(MENU)}</div><div class="container"><div class="row"><div class="col-8 noidung">
<h1>{e(a["title"])}</h1><p class="ngay">{e(a["date"])}</p><p class="lead"><b>{e(a["lead"])}</b></p>{body}
<p class="caption" style="font-style:italic">{e(a["caption"])}</p><p style="text-align:right"><b>{e(a["byline"])}</b></p>
<div class="tags">Từ khóa: <a href="#">thi đua</a>, <a href="#">khen thưởng</a></div></div>
<div class="col-4 sidebar"><h4>Tin mới</h4>{tin_moi_list()}<h4>Văn bản mới</h4>{ul(VAN_BAN)}</div></div></div>
<div class="footer">{"<br>".join(e(x) for x in FOOTER)}</div></body></html>'''


# A second set, written after the first to check that the rules generalize (templates the first
# set does not have: Drupal, Bootstrap with excerpt cards, ASP.NET WebForms whose <form> wraps the
# whole page, related links inside the body, a print view). Scored before any rule was changed
# for them: F1 1.000, 1.000, 0.000, 0.784, 0.018.
A2 = [
 dict(title="Quảng Ninh: Tổng kết phong trào thi đua \"Dân vận khéo\" giai đoạn 2016 - 2020",
      date="Đăng ngày 22/10/2020 - 09:45",
      lead="Ngày 21/10/2020, Ban Dân vận Tỉnh ủy phối hợp với Ban Thi đua - Khen thưởng tỉnh tổ chức hội nghị tổng kết phong trào thi đua \"Dân vận khéo\" giai đoạn 2016 - 2020.",
      body=["Qua 5 năm triển khai, toàn tỉnh có 4.826 mô hình \"Dân vận khéo\" được công nhận, trong đó cấp tỉnh 312 mô hình, cấp huyện 1.254 mô hình.",
            "Nhiều mô hình đã mang lại hiệu quả thiết thực, góp phần đưa tỷ lệ hộ nghèo của tỉnh giảm còn 0,12% vào cuối năm 2019.",
            "Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho 45 tập thể, 68 cá nhân có thành tích xuất sắc trong phong trào."],
      caption="Đồng chí Phó Bí thư Tỉnh ủy trao Bằng khen cho các tập thể", byline="Thu Hằng"),
 dict(title="Đồng Tháp khen thưởng 120 điển hình tiên tiến năm 2021",
      date="14:05 | 28/12/2021",
      lead="Chiều 27/12, UBND tỉnh Đồng Tháp tổ chức Lễ tuyên dương điển hình tiên tiến năm 2021.",
      body=["Năm 2021, dù chịu ảnh hưởng nặng nề của dịch COVID-19, tổng sản phẩm trên địa bàn tỉnh vẫn tăng 1,52% so với năm 2020.",
            "Tại buổi lễ, Chủ tịch UBND tỉnh tặng Cờ thi đua cho 14 đơn vị và Bằng khen cho 120 tập thể, cá nhân là điển hình tiên tiến.",
            "Theo Quyết định số 1456/QĐ-UBND ngày 20/12/2021, 32 cá nhân được tặng danh hiệu Chiến sĩ thi đua cấp tỉnh."],
      caption="Các điển hình tiên tiến nhận Bằng khen", byline="Bảo Ngọc - Sở Nội vụ"),
 dict(title="Huyện Cần Giờ đạt chuẩn huyện nông thôn mới",
      date="Thứ năm, 06/01/2022",
      lead="Thủ tướng Chính phủ vừa ký Quyết định số 25/QĐ-TTg công nhận huyện Cần Giờ đạt chuẩn nông thôn mới năm 2021.",
      body=["Đến nay, 6/6 xã của huyện đạt chuẩn nông thôn mới, thu nhập bình quân đầu người đạt 65,4 triệu đồng/năm.",
            "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 92,3%; tỷ lệ hộ sử dụng nước sạch đạt 100%.",
            "Tổng vốn huy động cho chương trình giai đoạn 2016 - 2021 là 2.345 tỷ đồng, trong đó vốn nhân dân đóng góp 312 tỷ đồng."],
      caption=None, byline="Theo Báo Sài Gòn Giải Phóng"),
 dict(title="Trao tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 12 mẹ",
      date="Ngày cập nhật: 27/07/2020",
      lead="Nhân kỷ niệm 73 năm Ngày Thương binh - Liệt sĩ, tỉnh tổ chức lễ truy tặng danh hiệu vinh dự Nhà nước Bà mẹ Việt Nam anh hùng.",
      body=["Chủ tịch nước truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 12 mẹ; đến nay toàn tỉnh có 1.246 mẹ được phong tặng, truy tặng danh hiệu.",
            "Trong 6 tháng đầu năm 2020, tỉnh đã chi 15,6 tỷ đồng chăm lo cho gia đình chính sách, xây mới 45 căn nhà tình nghĩa."],
      caption="Lãnh đạo tỉnh trao danh hiệu cho thân nhân các mẹ", byline="Minh Khôi"),
 dict(title="Sơ kết 6 tháng công tác thi đua khối các cơ quan Đảng",
      date="Cập nhật lúc: 10:12 ngày 15/07/2022",
      lead="Sáng 14/7, Khối thi đua các cơ quan Đảng tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2022.",
      body=["Sáu tháng qua, các đơn vị trong Khối đã hoàn thành 95% chỉ tiêu đề ra, tổ chức 48 hội nghị, lớp tập huấn với hơn 3.200 lượt người tham gia.",
            "Hội nghị đã suy tôn Ban Tổ chức Tỉnh ủy làm Trưởng khối năm 2023 và Ủy ban Kiểm tra Tỉnh ủy làm Phó Trưởng khối."],
      caption=None, byline="PV"),
]
NEWS2 = [("Hội nghị triển khai nhiệm vụ năm 2022 của ngành Nội vụ", "12/01/2022"),
        ("Tuyên dương 50 gương điển hình trong học tập và làm theo Bác", "10/01/2022"),
        ("Ra quân thực hiện chiến dịch Xuân tình nguyện năm 2022", "08/01/2022"),
        ("Công bố quyết định công nhận xã đạt chuẩn nông thôn mới nâng cao", "05/01/2022")]
MENU2 = ["Trang chủ", "Giới thiệu", "Tin tức", "Thông báo", "Văn bản", "Dịch vụ công", "Liên hệ"]
FOOT2 = ["Bản quyền thuộc Ủy ban nhân dân tỉnh", "Chịu trách nhiệm chính: Chánh Văn phòng UBND tỉnh",
        "Địa chỉ: 25 Đường 3/2, thành phố", "Điện thoại: (0277) 3851 234", "Ghi rõ nguồn khi phát hành lại thông tin từ website này"]
def gold2(a, caption=True):
    parts = [a["title"], a["date"], a["lead"]] + a["body"]
    if caption and a.get("caption"): parts.append(a["caption"])
    parts.append(a["byline"])
    return "\n\n".join(parts) + "\n"
def menu2(): return "<ul>" + "".join(f'<li><a href="/m{i}">{e(m)}</a></li>' for i, m in enumerate(MENU2)) + "</ul>"

def page2_drupal(a):
    cap = f'<div class="field field-name-field-image"><img src="/sites/default/files/anh.jpg" alt=""><div class="image-caption">{e(a["caption"])}</div></div>' if a["caption"] else ""
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    views = "".join(f'<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/tin/{i}">{e(t)}</a></span></div><div class="views-field views-field-created"><span class="field-content">{d}</span></div></div>' for i, (t, d) in enumerate(NEWS2))
    return f'''<!DOCTYPE html><html lang="vi" dir="ltr"><head><meta charset="utf-8" /><title>{e(a["title"])} | Sở Nội vụ tỉnh Quảng Ninh</title>
<meta name="Generator" content="Drupal 8"/><link rel="canonical" href="https://snv.quangninh.example.gov.vn/tin-tuc/tong-ket" /></head>
<body class="path-node page-node-type-article"><div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<header role="banner"><div class="region region-header"><div id="block-site-branding"><a href="/" rel="home">Sở Nội vụ tỉnh Quảng Ninh</a></div></div>
<div class="region region-primary-menu"><nav role="navigation" id="block-mainnavigation">{menu2()}</nav></div></header>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ol></nav></div>
<main role="main"><div class="layout-content"><div class="region region-content"><div id="block-page-title-block"><h1 class="page-title"><span class="field field--name-title">{e(a["title"])}</span></h1></div>
<div id="block-system-main-block"><article role="article" class="node node--type-article node--view-mode-full"><div class="node__meta"><span class="field--name-created">{e(a["date"])}</span></div>
<div class="node__content"><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p><strong>{e(a["lead"])}</strong></p>{body}{cap}<p style="text-align:right"><strong>{e(a["byline"])}</strong></p></div>
<div class="field field--name-field-tags field--label-inline"><div class="field__label">Từ khóa</div><div class="field__items"><div class="field__item"><a href="/tag/1">thi đua</a></div><div class="field__item"><a href="/tag/2">khen thưởng</a></div></div></div>
<section class="field field--name-comment"><h2 class="title comment-form__title">Thêm bình luận mới</h2><form class="comment-form"><label>Họ tên</label><input type="text"><label>Nội dung</label><textarea></textarea><input type="submit" value="Gửi"></form></section>
</div></article></div></div></div>
<aside class="layout-sidebar-second" role="complementary"><div class="region region-sidebar-second"><div class="views-element-container block block-views"><h2>Tin mới nhất</h2><div class="view view-tin-moi"><div class="view-content">{views}</div></div></div>
<div class="block"><h2>Thống kê truy cập</h2><div>Đang truy cập: 45</div><div>Tổng lượt truy cập: 1.234.567</div></div></div></aside></main>
<footer role="contentinfo"><div class="region region-footer">{"".join(f"<p>{e(x)}</p>" for x in FOOT2)}</div></footer></div></div></body></html>''', gold2(a)

def page2_cards(a):
    cap = f'<figure class="expNoEdit"><img src="/Uploads/anh.jpg" alt="" /><figcaption><p>{e(a["caption"])}</p></figcaption></figure>' if a["caption"] else ""
    body = "".join(f'<p style="text-align: justify;">{e(p)}</p>' for p in a["body"])
    rel = "".join(f'''<div class="col-md-4 item"><a href="/tin/{i}"><img src="/thumb{i}.jpg"></a><h4><a href="/tin/{i}">{e(t)}</a></h4><p class="sapo">{e(s)}</p></div>''' for i, (t, s) in enumerate([
        ("Hội nghị triển khai nhiệm vụ năm 2022 của ngành Nội vụ", "Sáng 12/1, Sở Nội vụ tổ chức hội nghị tổng kết công tác năm 2021, triển khai nhiệm vụ năm 2022 với nhiều chỉ tiêu quan trọng."),
        ("Tuyên dương 50 gương điển hình trong học tập và làm theo Bác", "Ban Thường vụ Tỉnh ủy vừa tổ chức tuyên dương 50 tập thể, cá nhân tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
        ("Ra quân thực hiện chiến dịch Xuân tình nguyện năm 2022", "Tỉnh Đoàn tổ chức lễ ra quân chiến dịch Xuân tình nguyện năm 2022 với hơn 2.000 đoàn viên, thanh niên tham gia.")]))
    return f'''<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a["title"])}</title><meta property="og:title" content="{e(a["title"])}"><meta property="og:site_name" content="Báo Đồng Tháp điện tử"><meta property="og:type" content="article"></head>
<body><nav class="navbar navbar-expand-lg"><a class="navbar-brand" href="/">Báo Đồng Tháp</a>{menu2()}<form class="form-inline"><input class="form-control" placeholder="Tìm kiếm"></form></nav>
<div class="container"><div class="row"><div class="col-md-9"><ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li>Xã hội</li></ol>
<h2 class="detail-title">{e(a["title"])}</h2><p class="time"><i class="far fa-clock"></i> {e(a["date"])}</p>
<div class="sapo"><strong>{e(a["lead"])}</strong></div><div class="detail-content">{body}{cap}<p style="text-align: right;"><strong>{e(a["byline"])}</strong></p></div>
<div class="share-box"><span>Chia sẻ bài viết:</span> <a class="fb">Facebook</a> <a class="zl">Zalo</a> <a onclick="window.print()">In bài viết</a></div>
<div class="related-box"><h3 class="box-title">Tin cùng chuyên mục</h3><div class="row">{rel}</div></div></div>
<div class="col-md-3"><div class="box"><h3>Đọc nhiều</h3><ol>{"".join(f"<li><a href='#'>{e(t)}</a></li>" for t, _ in NEWS2)}</ol></div><div class="box-adv"><a href="#"><img src="/qc.gif"></a></div></div></div></div>
<footer class="site-footer"><div class="container">{"".join(f"<p>{e(x)}</p>" for x in FOOT2)}</div></footer></body></html>''', gold2(a)

def page2_webforms(a):
    body = "".join(f"<div>{e(p)}</div><div>&nbsp;</div>" for p in a["body"])
    rows = "".join(f'<tr><td class="tinkhac_item"><img src="/images/arrow.gif"> <a href="/tin/{i}">{e(t)}</a> <span class="ngay">({d})</span></td></tr>' for i, (t, d) in enumerate(NEWS2))
    return f'''<html xmlns="http://www.w3.org/1999/xhtml"><head><title>
	Cổng thông tin điện tử Thành phố - Tin tức
</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /></head>
<body><form name="aspnetForm" method="post" action="./ChiTiet.aspx?id=123" id="aspnetForm"><div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWAgIBD2QWAgIBD2QWAmYPZBYCZg8WAh4EVGV4dAUJVGluIHThu6lj" /></div>
<table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td colspan="2"><img src="/images/banner.jpg" width="1000"></td></tr>
<tr><td colspan="2" class="menu">{" | ".join(f'<a href="#">{e(m)}</a>' for m in MENU2)}</td></tr>
<tr><td width="720" valign="top">
<div id="ctl00_ContentPlaceHolder1_pnlChiTiet"><table width="100%"><tr><td><span id="ctl00_ContentPlaceHolder1_lblTieuDe" class="TieuDeTin">{e(a["title"])}</span></td></tr>
<tr><td><span id="ctl00_ContentPlaceHolder1_lblNgayDang" class="NgayDang">{e(a["date"])}</span></td></tr>
<tr><td><span id="ctl00_ContentPlaceHolder1_lblTomTat" class="TomTat"><b>{e(a["lead"])}</b></span></td></tr>
<tr><td><div id="ctl00_ContentPlaceHolder1_divNoiDung" class="NoiDung">{body}<div style="text-align: right;"><b>{e(a["byline"])}</b></div></div></td></tr></table></div>
<table width="100%"><tr><td align="right"><a href="javascript:window.print()">In trang</a> | <a href="#">Gửi email</a> | <a href="#">Về đầu trang</a></td></tr></table>
<table width="100%" class="tinkhac"><tr><td class="tinkhac_title">Các tin đã đăng:</td></tr>{rows}</table>
</td><td width="280" valign="top"><table class="box"><tr><td class="box_title">Liên kết website</td></tr><tr><td><select onchange="window.open(this.value)"><option>--- Chọn ---</option><option value="http://chinhphu.vn">Chính phủ</option></select></td></tr></table>
<table class="box"><tr><td class="box_title">Thống kê truy cập</td></tr><tr><td>Số người đang online: 23<br>Số lượt truy cập: 4.567.890</td></tr></table></td></tr>
<tr><td colspan="2" class="footer" align="center">{"<br>".join(e(x) for x in FOOT2)}</td></tr></table></form></body></html>''', gold2(a)

def page2_inline_more(a):
    ps = [f"<p>{e(p)}</p>" for p in a["body"]]
    ps.insert(1, '<div class="box-related-inline"><p><strong>Xem thêm:</strong></p><ul><li><a href="/tin/9">Tỉnh hoàn thành mục tiêu xây dựng nông thôn mới năm 2021</a></li><li><a href="/tin/8">Ra mắt mô hình khu dân cư kiểu mẫu</a></li></ul></div>')
    ps.insert(3, '<table class="quote-box" align="center"><tr><td><a href="/tin/7"><b>>> Tăng cường công tác thi đua, khen thưởng năm 2022</b></a></td></tr></table>')
    cap = f'<table class="image center"><tr><td><img src="/a.jpg"></td></tr><tr><td class="image_desc">{e(a["caption"])}</td></tr></table>' if a["caption"] else ""
    return f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a["title"])} - Cổng thông tin điện tử</title>
<meta name="description" content="{e(a["lead"])}"><meta property="article:published_time" content="2020-07-27T08:00:00+07:00"></head>
<body><div id="top">{menu2()}</div><div id="main"><div class="left-content"><div class="article">
<h1 class="article-title">{e(a["title"])}</h1><div class="article-meta"><span class="article-date">{e(a["date"])}</span> <span class="views">Lượt xem: 1.024</span></div>
<h2 class="article-sapo">{e(a["lead"])}</h2><div class="article-body">{"".join(ps)}{cap}<p class="author" style="text-align:right">{e(a["byline"])}</p></div>
<div class="article-tags">Tags: <a href="#">bà mẹ Việt Nam anh hùng</a> <a href="#">thương binh liệt sĩ</a></div></div>
<div class="other-news"><div class="title">Tin đã đưa</div><ul>{"".join(f"<li><a href='#'>{e(t)}</a> ({d})</li>" for t, d in NEWS2)}</ul></div></div>
<div class="right-content"><div class="widget"><div class="widget-title">Thông báo</div><marquee direction="up">{"".join(f"<p><a href='#'>{e(t)}</a></p>" for t, _ in NEWS2)}</marquee></div></div></div>
<div id="footer">{"".join(f"<p>{e(x)}</p>" for x in FOOT2)}</div></body></html>''', gold2(a)

def page2_print_view(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    return f'''<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>In bài viết</title><link rel="stylesheet" href="/print.css"></head>
<body onload="window.print()"><table width="650" align="center"><tr><td><img src="/logo_print.png"> <b>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH BÌNH ĐỊNH</b></td></tr>
<tr><td><hr></td></tr><tr><td><div class="print-title"><b>{e(a["title"])}</b></div><div class="print-date"><i>{e(a["date"])}</i></div>
<div class="print-content"><p><b>{e(a["lead"])}</b></p>{body}<p align="right"><b>{e(a["byline"])}</b></p></div></td></tr>
<tr><td><hr>Địa chỉ bài viết: https://binhdinh.example.gov.vn/tin-tuc/so-ket-6-thang.html</td></tr>
<tr><td align="center"><a href="javascript:window.print()">In bài</a> | <a href="javascript:window.close()">Đóng cửa sổ</a></td></tr></table></body></html>''', gold2(a)



# A third set, written after the second was fixed: reader comments that read like prose, a
# document list with no class that says so, a site-name <h1> matching a generic <title>, an AMP
# page, related links between lead and body. Scored before any rule was changed for them:
# F1 0.765, 0.707, 0.966, 1.000, 1.000.
A3 = [
 dict(title="Bình Định tuyên dương 100 doanh nhân tiêu biểu năm 2022",
      date="Thứ sáu, 14/10/2022, 16:30",
      lead="Nhân Ngày Doanh nhân Việt Nam 13/10, UBND tỉnh Bình Định tổ chức gặp mặt, tuyên dương doanh nghiệp, doanh nhân tiêu biểu năm 2022.",
      body=["Năm 2022, toàn tỉnh có 1.124 doanh nghiệp thành lập mới với tổng vốn đăng ký 12.456 tỷ đồng, tăng 15,2% so với cùng kỳ.",
            "Chủ tịch UBND tỉnh tặng Bằng khen cho 35 doanh nghiệp và 65 doanh nhân có thành tích xuất sắc trong sản xuất, kinh doanh.",
            "Các doanh nghiệp đã đóng góp 8.200 tỷ đồng vào ngân sách, chiếm 62% tổng thu nội địa của tỉnh."],
      caption="Lãnh đạo tỉnh tặng hoa chúc mừng các doanh nhân", byline="Hoài Thu"),
 dict(title="Hậu Giang sơ kết 3 năm thực hiện Chỉ thị 34-CT/TW",
      date="Ngày đăng: 03/03/2021",
      lead="Ngày 02/3, Ban Thường vụ Tỉnh ủy Hậu Giang tổ chức hội nghị sơ kết 3 năm thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng.",
      body=["Qua 3 năm, toàn tỉnh đã khen thưởng 12.345 lượt tập thể, cá nhân, trong đó khen thưởng cho người trực tiếp lao động, sản xuất chiếm 58,6%.",
            "Tỉnh đã đề nghị Thủ tướng Chính phủ tặng Bằng khen cho 56 tập thể, 124 cá nhân; Chủ tịch nước tặng Huân chương Lao động hạng Ba cho 8 tập thể."],
      caption=None, byline="Kim Ngân - Ban Tuyên giáo Tỉnh ủy"),
 dict(title="Kon Tum: 95% hộ gia đình đạt danh hiệu Gia đình văn hóa",
      date="09:15 - 21/11/2022",
      lead="Sau 20 năm thực hiện phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa, tỉnh Kon Tum có 95% hộ gia đình đạt danh hiệu Gia đình văn hóa.",
      body=["Toàn tỉnh có 612/640 thôn, làng, tổ dân phố đạt danh hiệu văn hóa, chiếm 95,6%; 86 xã đạt chuẩn văn hóa nông thôn mới.",
            "Dịp này, Bộ Văn hóa, Thể thao và Du lịch tặng Bằng khen cho 5 tập thể, 7 cá nhân; UBND tỉnh tặng Bằng khen cho 20 tập thể, 35 cá nhân."],
      caption="Quang cảnh hội nghị tổng kết", byline="Đức Thành"),
 dict(title="Bạc Liêu: Trao Huy hiệu 50 năm tuổi Đảng cho 126 đảng viên",
      date="Cập nhật: 02/02/2023 08:00",
      lead="Nhân kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam, Tỉnh ủy Bạc Liêu tổ chức lễ trao Huy hiệu Đảng đợt 3/2.",
      body=["Đợt này, toàn tỉnh có 126 đảng viên được trao Huy hiệu 50 năm tuổi Đảng, 64 đảng viên nhận Huy hiệu 55 năm tuổi Đảng.",
            "Năm 2022, Đảng bộ tỉnh kết nạp 1.526 đảng viên mới, đạt 109% chỉ tiêu."],
      caption=None, byline="Thanh Phong"),
 dict(title="Hội nghị tập huấn nghiệp vụ thi đua, khen thưởng năm 2023",
      date="Ngày 18/04/2023",
      lead="Ngày 17/4/2023, Ban Thi đua - Khen thưởng tỉnh tổ chức hội nghị tập huấn nghiệp vụ công tác thi đua, khen thưởng cho 250 cán bộ làm công tác thi đua.",
      body=["Các học viên được phổ biến những điểm mới của Luật Thi đua, khen thưởng năm 2022 và Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ.",
            "Hội nghị cũng hướng dẫn quy trình xét tặng danh hiệu Chiến sĩ thi đua cấp tỉnh và Cờ thi đua của UBND tỉnh năm 2023."],
      caption=None, byline="Ban TĐKT"),
]
MENU3 = ["Trang chủ", "Thời sự", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao", "Pháp luật"]
FOOT3 = ["Cơ quan chủ quản: Tỉnh ủy", "Tổng Biên tập: Nguyễn Văn A", "Giấy phép xuất bản số 123/GP-BTTTT", "Điện thoại: 0256 3822 123 - Email: toasoan@baobinhdinh.vn"]
def gold3(a, caption=True):
    parts = [a["title"], a["date"], a["lead"]] + a["body"]
    if caption and a.get("caption"): parts.append(a["caption"])
    parts.append(a["byline"])
    return "\n\n".join(parts) + "\n"
def menu3(): return "<ul>" + "".join(f'<li><a href="/m{i}">{e(m)}</a></li>' for i, m in enumerate(MENU3)) + "</ul>"

def page3_comments(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    cap = f'<table class="picture"><tr><td><img src="/a.jpg"></td></tr><tr><td class="pCaption">{e(a["caption"])}</td></tr></table>' if a["caption"] else ""
    cmts = "".join(f'<div class="y-kien-item"><div class="nguoi-gui"><b>{n}</b> - {d}</div><div class="noi-dung">{e(t)}</div></div>' for n, d, t in [
        ("Nguyễn Văn Bình", "14/10/2022 17:05", "Rất tự hào về các doanh nhân của tỉnh nhà, mong rằng tỉnh sẽ tiếp tục có nhiều chính sách hỗ trợ doanh nghiệp nhỏ và vừa trong thời gian tới."),
        ("Trần Thị Hoa", "14/10/2022 18:20", "Cảm ơn bài viết, tôi thấy các doanh nghiệp ở huyện miền núi cũng cần được quan tâm, tuyên dương nhiều hơn nữa, nhất là các hợp tác xã nông nghiệp.")])
    return f'''<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(a["title"])} | Báo Bình Định</title></head>
<body><div id="header"><a href="/"><img src="/logo.png" alt="Báo Bình Định"></a><div id="nav">{menu3()}</div></div>
<div id="body"><div class="main-col"><article><h1 class="tieude">{e(a["title"])}</h1><div class="ngaydang">{e(a["date"])}</div>
<div class="sapo"><b>{e(a["lead"])}</b></div><div class="noidung">{body}{cap}<p class="tacgia" align="right"><b>{e(a["byline"])}</b></p></div></article>
<div class="y-kien-ban-doc"><div class="tieu-de-yk">Ý kiến bạn đọc (2)</div>{cmts}<div class="gui-y-kien"><b>Gửi ý kiến của bạn</b><br>Họ tên: <input><br>Email: <input><br><textarea></textarea><br><button>Gửi</button></div></div></div>
<div class="side-col"><div class="box-tin"><div class="box-title">Tin mới</div>{"".join(f"<div class='tin'><a href='#'>{e(x['title'])}</a></div>" for x in A3[1:])}</div></div></div>
<div id="footer">{"<br>".join(e(x) for x in FOOT3)}</div></body></html>''', gold3(a)

def page3_unmarked_sidebar(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    docs = [("Quyết định số 1234/QĐ-UBND ngày 12/4/2021 của UBND tỉnh về việc ban hành Quy chế thi đua, khen thưởng trên địa bàn tỉnh, áp dụng từ năm 2021", "12/04/2021"),
            ("Kế hoạch số 45/KH-UBND ngày 08/4/2021 về tổ chức phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2021 của tỉnh", "08/04/2021"),
            ("Hướng dẫn số 12/HD-BTĐKT ngày 01/3/2021 của Ban Thi đua - Khen thưởng về công tác thi đua, khen thưởng năm 2021 đối với các cụm, khối", "01/03/2021")]
    side = "".join(f'<div class="item"><div class="trich-yeu">{e(t)}</div><div class="ngay-bh">Ngày ban hành: {d}</div><a href="#">Tải về</a></div>' for t, d in docs)
    return f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a["title"])}</title><meta property="og:title" content="{e(a["title"])}"></head>
<body><div class="top">{menu3()}</div><div class="wrap"><div class="c1"><div class="bc"><a href="/">Trang chủ</a> / Tin tức</div>
<div class="c1-in"><h2>{e(a["title"])}</h2><div class="d">{e(a["date"])}</div><p><strong>{e(a["lead"])}</strong></p>{body}<p style="text-align:right"><strong>{e(a["byline"])}</strong></p></div></div>
<div class="c2"><div class="h">VĂN BẢN CHỈ ĐẠO, ĐIỀU HÀNH</div>{side}</div></div><div class="bottom">{"<br>".join(e(x) for x in FOOT3)}</div></body></html>''', gold3(a)

def page3_logo_h1(a):
    body = "".join(f'<div style="text-align:justify"><span style="font-family:Arial;font-size:13pt">{e(p)}</span></div>' for p in a["body"])
    cap = f'<div style="text-align:center"><img src="/a.jpg"><br><span style="font-style:italic">{e(a["caption"])}</span></div>' if a["caption"] else ""
    return f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cổng thông tin điện tử tỉnh Kon Tum</title></head>
<body><div class="banner"><h1 class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH KON TUM</h1><div class="slogan">Đoàn kết - Đổi mới - Phát triển</div></div><div class="menu-bar">{menu3()}</div>
<div class="page"><div class="left"><div class="news-detail"><h2 class="title-detail">{e(a["title"])}</h2><div class="time-detail">{e(a["date"])}</div>
<h4 class="lead-detail">{e(a["lead"])}</h4><div class="content-detail">{body}{cap}<div style="text-align:right"><b>{e(a["byline"])}</b></div></div></div></div>
<div class="right"><div class="box"><h3>Liên kết</h3><a href="#"><img src="/lk1.png"></a><a href="#"><img src="/lk2.png"></a></div></div></div>
<div class="foot">{"<br>".join(e(x) for x in FOOT3)}</div></body></html>''', gold3(a)

def page3_amp(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    return f'''<!doctype html><html amp lang="vi"><head><meta charset="utf-8"><title>{e(a["title"])}</title><link rel="canonical" href="https://baclieu.example.vn/tin/{1}.html">
<script async src="https://cdn.ampproject.org/v0.js"></script><style amp-custom>body{{font-family:sans-serif}}</style>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{e(a["title"])}","datePublished":"2023-02-02T08:00:00+07:00"}}</script></head>
<body><amp-sidebar id="sidebar" layout="nodisplay" side="left">{menu3()}</amp-sidebar><header class="amp-header"><button on="tap:sidebar.toggle">☰</button><a href="/">Báo Bạc Liêu</a></header>
<main><article class="amp-article"><h1>{e(a["title"])}</h1><div class="meta">{e(a["date"])}</div><p class="lead"><strong>{e(a["lead"])}</strong></p>
<amp-img src="/a.jpg" width="600" height="400" layout="responsive"></amp-img>{body}<p class="author"><strong>{e(a["byline"])}</strong></p></article>
<section class="amp-related"><h2>Tin liên quan</h2>{"".join(f"<a href='#'><amp-img src='/t.jpg' width=80 height=60></amp-img><h3>{e(x['title'])}</h3></a>" for x in A3[:3])}</section></main>
<footer>{"<br>".join(e(x) for x in FOOT3)}</footer></body></html>''', gold3(a)

def page3_related_top(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    rel = "".join(f'<li><a href="#">{e(x["title"])}</a><p>{e(x["lead"])}</p></li>' for x in A3[:2])
    return f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a["title"])}</title></head>
<body><div class="header">{menu3()}</div><div class="content"><div class="main"><h1>{e(a["title"])}</h1><span class="date">{e(a["date"])}</span>
<p class="sapo"><b>{e(a["lead"])}</b></p><div class="box-tinlienquan"><b>Tin liên quan:</b><ul>{rel}</ul></div>{body}<p style="text-align:right"><b>{e(a["byline"])}</b></p></div></div>
<div class="footer">{"<br>".join(e(x) for x in FOOT3)}</div></body></html>''', gold3(a)



# A fourth set: pages in the shapes of national news sites (Tuổi Trẻ, Dân trí, Báo Chính phủ:
# date above the headline, an audio player, related links inside the body, bylines that are
# links), written after VnExpress's `<div class="sidebar-1">` article column was found to make
# the whole article furniture. Scored before the byline rule: F1 0.993, 0.990, 1.000.
A4 = [
 dict(title="TP.HCM khen thưởng 200 tập thể, cá nhân tiêu biểu trong phong trào thi đua",
      date="07/03/2026 07:05 GMT+7", author="TẤN LỰC",
      lead="TTO - Sáng 6-3, UBND TP.HCM tổ chức hội nghị tổng kết phong trào thi đua yêu nước năm 2025, khen thưởng 200 tập thể, cá nhân tiêu biểu.",
      body=["Năm 2025, tổng sản phẩm trên địa bàn thành phố tăng 7,2%, thu ngân sách đạt 512.000 tỉ đồng, vượt 8% dự toán.",
            "Chủ tịch UBND TP đã tặng Bằng khen cho 150 tập thể và 50 cá nhân; 12 tập thể được Thủ tướng Chính phủ tặng Cờ thi đua.",
            "Phát biểu tại hội nghị, Chủ tịch UBND TP đề nghị các sở, ngành tiếp tục đổi mới công tác thi đua, khen thưởng."],
      caption="Lãnh đạo TP trao Bằng khen cho các tập thể - Ảnh: T.L."),
 dict(title="Hà Tĩnh có thêm 15 xã đạt chuẩn nông thôn mới nâng cao",
      date="Thứ bảy, 07/03/2026 - 06:00", author="Văn Dũng",
      lead="(Dân trí) - Năm 2025, tỉnh Hà Tĩnh có thêm 15 xã đạt chuẩn nông thôn mới nâng cao, nâng tổng số lên 98 xã.",
      body=["Thu nhập bình quân đầu người khu vực nông thôn đạt 62 triệu đồng/năm, tăng 9,5% so với năm 2024.",
            "Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm còn 1,85%; 100% xã có đường ô tô đến trung tâm được nhựa hóa."],
      caption="Một góc xã nông thôn mới nâng cao ở Hà Tĩnh (Ảnh: Văn Dũng)."),
 dict(title="Chính phủ ban hành Nghị định mới về thi đua, khen thưởng",
      date="07/03/2026 08:00", author="Minh Anh",
      lead="(Chinhphu.vn) - Chính phủ ban hành Nghị định số 152/2026/NĐ-CP quy định chi tiết một số điều của Luật Thi đua, khen thưởng.",
      body=["Nghị định có hiệu lực từ ngày 20/4/2026, thay thế Nghị định số 98/2023/NĐ-CP ngày 31/12/2023.",
            "Theo Nghị định, tỷ lệ khen thưởng cho người trực tiếp lao động, sản xuất phải đạt ít nhất 40% tổng số trường hợp được khen."],
      caption=None),
]
MENU4 = ["Thời sự", "Thế giới", "Kinh doanh", "Xe", "Văn hóa", "Giải trí", "Thể thao", "Giáo dục", "Sức khỏe"]
def menu4(): return "<ul class='menu-nav'>" + "".join(f'<li><a href="/m{i}">{e(m)}</a></li>' for i, m in enumerate(MENU4)) + "</ul>"
def gold4(a, caption=True, author_first=False):
    parts = [a["title"], a["author"], a["date"]] if author_first else [a["title"], a["date"]]
    parts += [a["lead"]] + a["body"]
    if caption and a.get("caption"): parts.append(a["caption"])
    if not author_first: parts.append(a["author"])
    return "\n\n".join(parts) + "\n"

def page4_tuoitre(a):
    ps = [f"<p>{e(p)}</p>" for p in a["body"]]
    ps.insert(1, '''<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><div class="kbwscwl-relatedbox"><ul><li><a href="/x1.htm" title="TP.HCM tuyên dương 100 gương điển hình">TP.HCM tuyên dương 100 gương điển hình</a></li><li><a href="/x2.htm" title="Khen thưởng đột xuất 20 chiến sĩ">Khen thưởng đột xuất 20 chiến sĩ</a></li></ul></div></div>''')
    fig = f'<figure class="VCSortableInPreviewMode" type="Photo"><div><img src="/a.jpg" alt=""></div><figcaption class="PhotoCMS_Caption"><p data-placeholder="Nhập chú thích ảnh">{e(a["caption"])}</p></figcaption></figure>'
    return f'''<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(a["title"])} - Tuổi Trẻ Online</title>
<meta property="og:title" content="{e(a["title"])}"><meta property="article:published_time" content="2026-03-07T07:05:00+07:00"><meta property="og:site_name" content="TUOI TRE ONLINE"></head>
<body><div class="header"><a class="logo" href="/">Tuổi Trẻ Online</a>{menu4()}<div class="header-right"><a href="#">Đăng nhập</a> <a href="#">Tuổi Trẻ Sao</a></div></div>
<div class="detail__section"><div class="detail-top"><div class="detail-cate"><a href="/thoi-su.htm">Thời sự</a></div><div class="detail-time"><div data-role="publishdate">{e(a["date"])}</div></div></div>
<h1 class="detail-title article-title" data-role="title">{e(a["title"])}</h1>
<div class="detail-audio"><div class="audio-title">Nghe bài viết</div><div class="audio-player">0:00 / 3:25</div></div>
<h2 class="detail-sapo" data-role="sapo">{e(a["lead"])}</h2>
<div class="detail-cmain"><div class="detail-content afcbc-body" data-role="content">{ps[0]}{fig}{"".join(ps[1:])}</div>
<div class="detail-author"><div class="author-info"><a class="name" href="/tac-gia/tan-luc.htm">{e(a["author"])}</a></div></div>
<div class="detail-tab"><div class="detail-tag">Từ khóa: <a href="#">thi đua</a> <a href="#">khen thưởng</a></div></div>
<div class="detail-comment"><div class="title">Bình luận (0)</div><textarea placeholder="Chia sẻ ý kiến của bạn"></textarea></div></div></div>
<div class="box-category"><div class="box-category-top"><h3 class="title">Tin mới nhất</h3></div>{"".join(f"<div class='box-category-item'><a href='#'>Tin số {i}: cập nhật mới nhất trong ngày về kinh tế, xã hội</a></div>" for i in range(5))}</div>
<div class="footer"><p>Tổng biên tập: Lê Thế Chữ</p><p>Giấy phép số 571/GP-BTTTT ngày 07/11/2019</p><p>© Copyright 2026 Tuổi Trẻ Online</p></div></body></html>''', "\n\n".join([a["title"], a["date"], a["lead"], a["body"][0], a["caption"]] + a["body"][1:] + [a["author"]]) + "\n"

def page4_dantri(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    fig = f'<figure class="image align-center"><img src="/a.jpg" alt=""><figcaption><p>{e(a["caption"])}</p></figcaption></figure>'
    return f'''<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(a["title"])} | Báo Dân trí</title>
<meta property="og:title" content="{e(a["title"])}"><meta name="pubdate" content="2026-03-07T06:00:00+07:00"></head>
<body><header class="header"><div class="header__top"><a class="logo" href="/">Dân trí</a></div><nav class="menu-wrap">{menu4()}</nav></header>
<main class="body-container"><div class="grid-container"><article class="singular-container">
<ul class="dt-breadcrumb"><li><a href="/xa-hoi.htm">Xã hội</a></li></ul>
<h1 class="title-page detail">{e(a["title"])}</h1>
<div class="author-wrap"><div class="author-name"><a href="/tac-gia/van-dung.htm"><b>{e(a["author"])}</b></a></div><time class="author-time" datetime="2026-03-07 06:00">{e(a["date"])}</time></div>
<div class="singular-sapo">{e(a["lead"])}</div>
<div class="singular-content">{body}{fig}</div>
<div class="article-footer"><div class="tags-container"><span>Tags:</span> <a href="#">nông thôn mới</a> <a href="#">Hà Tĩnh</a></div>
<div class="social-share"><a>Chia sẻ</a> <a>Facebook</a> <a>Zalo</a></div></div>
<div class="article-related"><h3>Tin liên quan</h3><article class="article-item"><h3 class="article-title"><a href="#">Nghệ An có 20 xã đạt chuẩn nông thôn mới kiểu mẫu</a></h3><div class="article-excerpt">Năm 2025, tỉnh Nghệ An có thêm 20 xã đạt chuẩn nông thôn mới kiểu mẫu, vượt kế hoạch đề ra.</div></article></div>
</article><aside class="sidebar"><div class="box-most-read"><h3>Đọc nhiều</h3><ol>{"".join(f"<li><a href='#'>Bài đọc nhiều số {i} trong ngày hôm nay</a></li>" for i in range(5))}</ol></div></aside></div></main>
<footer class="footer"><p>Cơ quan chủ quản: Bộ Nội vụ</p><p>Tổng biên tập: Phạm Tuấn Anh</p><p>© 2005-2026 Bản quyền thuộc về Báo điện tử Dân trí</p></footer></body></html>''', gold4(a, author_first=True)

def page4_baochinhphu(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    return f'''<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(a["title"])}</title>
<meta property="og:title" content="{e(a["title"])}"><meta property="og:site_name" content="baochinhphu.vn"></head>
<body><div class="header">{menu4()}<div class="search"><input placeholder="Tìm kiếm"></div></div>
<div class="detail-container"><div class="detail-breadcrumb"><a href="/">Trang chủ</a> / <a href="/chinh-sach-moi.htm">Chính sách mới</a></div>
<h1 class="detail-title" data-role="title">{e(a["title"])}</h1><div class="detail-time"><div data-role="publishdate">{e(a["date"])}</div></div>
<h2 class="detail-sapo" data-role="sapo">{e(a["lead"])}</h2>
<div class="detail-content afcbc-body" data-role="content">{body}<div class="detail-author" style="text-align:right"><b>{e(a["author"])}</b></div></div>
<div class="detail-related"><div class="title">Tin liên quan</div><ul>{"".join(f"<li><a href='#'>Văn bản số {i} về chính sách mới có hiệu lực từ tháng 4</a></li>" for i in range(4))}</ul></div>
<div class="detail-tag"><span>Từ khóa:</span> <a>thi đua</a> <a>khen thưởng</a></div></div>
<div class="sidebar"><div class="box"><div class="box-title">Chính sách mới</div>{"".join(f"<div class='box-item'><a href='#'>Chính sách số {i} có hiệu lực</a><span>07/03/2026</span></div>" for i in range(4))}</div></div>
<div class="footer"><p>Cơ quan chủ quản: Văn phòng Chính phủ</p><p>Tổng Biên tập: Nguyễn Hồng Sâm</p></div></body></html>''', gold4(a, caption=False)



# A fifth set, written last: a table-layout page whose <title> says only "Chi tiết tin", an
# award list inside the body, pagination and font-size widgets, a title with no heading under a
# generic <title>. All scored 1.000 as written.
A5 = [
 dict(title="Huyện Phú Tân tổng kết công tác thi đua, khen thưởng năm 2022",
      date="(Cập nhật: 10/01/2023)",
      lead="Ngày 09/01/2023, UBND huyện Phú Tân tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2022.",
      body=["Năm 2022, toàn huyện có 18/18 xã, thị trấn hoàn thành chỉ tiêu thi đua; giá trị sản xuất nông nghiệp tăng 4,6%.",
            "Chủ tịch UBND huyện tặng Giấy khen cho 92 tập thể và 215 cá nhân có thành tích xuất sắc."],
      byline="Thanh Tâm - Văn phòng HĐND và UBND huyện"),
 dict(title="Kết quả xét tặng danh hiệu thi đua năm 2022 của ngành Giáo dục",
      date="Ngày đăng: 15/02/2023",
      lead="Sở Giáo dục và Đào tạo vừa công bố kết quả xét tặng danh hiệu thi đua, hình thức khen thưởng năm học 2021 - 2022.",
      body=["Kết quả cụ thể như sau:"],
      items=["Cờ thi đua của UBND tỉnh: 8 đơn vị", "Bằng khen của Chủ tịch UBND tỉnh: 45 tập thể, 120 cá nhân", "Chiến sĩ thi đua cấp tỉnh: 36 cá nhân", "Tập thể Lao động xuất sắc: 64 đơn vị"],
      tail=["Lễ trao thưởng sẽ được tổ chức vào dịp tổng kết năm học 2022 - 2023."],
      byline="Phòng Thi đua - Sở GD&ĐT"),
 dict(title="Thị xã Ninh Hòa phát động thi đua cao điểm 100 ngày",
      date="Thứ tư, 01/03/2023 - 15:20",
      lead="Sáng 28/2, Thị ủy, UBND thị xã Ninh Hòa tổ chức lễ phát động đợt thi đua cao điểm 100 ngày hoàn thành các chỉ tiêu năm 2023.",
      body=["Đợt thi đua tập trung vào 5 nhóm nhiệm vụ, trong đó phấn đấu thu ngân sách đạt 1.250 tỷ đồng và giải ngân 100% vốn đầu tư công.",
            "Kết thúc đợt thi đua, thị xã sẽ khen thưởng 20 tập thể, 30 cá nhân tiêu biểu."],
      byline="Hoàng Anh"),
 dict(title="Tuyên dương 63 gương người tốt, việc tốt năm 2022",
      date="22/12/2022",
      lead="Tối 21/12, UBND tỉnh tổ chức chương trình tuyên dương 63 gương người tốt, việc tốt tiêu biểu năm 2022.",
      body=["Các gương điển hình thuộc nhiều lĩnh vực, trong đó 25 người là nông dân, 18 người là công nhân, 20 người là cán bộ, chiến sĩ lực lượng vũ trang.",
            "Mỗi cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh kèm tiền thưởng 2 triệu đồng."],
      byline="Lê Na"),
]
MENU5 = ["Trang chủ", "Giới thiệu", "Tin tức", "Văn bản", "Liên hệ"]
FOOT5 = ["UBND huyện Phú Tân", "Địa chỉ: Quốc lộ 91, thị trấn Phú Mỹ", "Điện thoại: 0296.3826.111"]
def gold5(parts): return "\n\n".join(parts) + "\n"

def page5_table_listing(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    rows = "".join(f"<tr><td width='80%'><a href='/tin/{i}'>{e(t)}</a></td><td class='date'>{d}</td></tr>" for i, (t, d) in enumerate([
        ("Hội nghị triển khai nhiệm vụ năm 2023", "(06/01/2023)"), ("Huyện tổ chức họp mặt các doanh nghiệp", "(05/01/2023)"),
        ("Kiểm tra công tác chuẩn bị Tết Nguyên đán", "(04/01/2023)"), ("Trao quà Tết cho hộ nghèo", "(03/01/2023)")]))
    page = f'''<html><head><meta charset="utf-8"><title>Chi tiết tin</title></head><body><table width="100%"><tr><td colspan="2"><img src="/banner.jpg"></td></tr>
<tr><td width="200" valign="top" class="menu">{"<br>".join(f"<a href='#'>{e(m)}</a>" for m in MENU5)}</td><td valign="top">
<table width="100%" class="chitiet"><tr><td class="title"><b>{e(a["title"])}</b></td></tr><tr><td class="ngay"><i>{e(a["date"])}</i></td></tr>
<tr><td class="content"><p><b>{e(a["lead"])}</b></p>{body}<p align="right"><b>{e(a["byline"])}</b></p></td></tr></table>
<table width="100%" class="tincu"><tr><td colspan="2"><b>Các tin khác:</b></td></tr>{rows}</table></td></tr>
<tr><td colspan="2" align="center">{"<br>".join(e(x) for x in FOOT5)}</td></tr></table></body></html>'''
    return page, gold5([a["title"], a["date"], a["lead"]] + a["body"] + [a["byline"]])

def page5_content_list(a):
    items = "".join(f"<li>{e(x)}</li>" for x in a["items"])
    page = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a["title"])} - Sở Giáo dục và Đào tạo</title></head><body>
<nav class="navbar">{"".join(f"<a href='#'>{e(m)}</a>" for m in MENU5)}</nav><div class="container"><div class="row"><div class="col-lg-8">
<div class="post"><h3 class="post-title">{e(a["title"])}</h3><div class="post-date">{e(a["date"])}</div><div class="post-body">
<p><strong>{e(a["lead"])}</strong></p>{"".join(f"<p>{e(p)}</p>" for p in a["body"])}<ul>{items}</ul>{"".join(f"<p>{e(p)}</p>" for p in a["tail"])}
<p style="text-align:right"><em>{e(a["byline"])}</em></p></div></div></div>
<div class="col-lg-4"><div class="card"><div class="card-header">Văn bản mới</div><ul class="list-group">{"".join(f"<li class='list-group-item'><a href='#'>Công văn số {i}/SGDĐT-TĐKT</a></li>" for i in range(5))}</ul></div></div></div></div>
<footer>{"<br>".join(e(x) for x in FOOT5)}</footer></body></html>'''
    return page, gold5([a["title"], a["date"], a["lead"]] + a["body"] + a["items"] + a["tail"] + [a["byline"]])

def page5_paged(a):
    page = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a["title"])}</title><meta property="og:title" content="{e(a["title"])}"></head><body>
<div id="menu">{"".join(f"<a href='#'>{e(m)}</a> " for m in MENU5)}</div><div id="main"><div class="news"><h1>{e(a["title"])}</h1><p class="time">{e(a["date"])}</p>
<div class="news-body"><p><b>{e(a["lead"])}</b></p>{"".join(f"<p>{e(p)}</p>" for p in a["body"])}<p align="right"><b>{e(a["byline"])}</b></p></div>
<div class="pages">Trang: <a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">3</a> <a href="?p=2">Tiếp »</a></div>
<div class="fontsize">Cỡ chữ: <a>A-</a> <a>A</a> <a>A+</a></div></div></div><div id="foot">{"<br>".join(e(x) for x in FOOT5)}</div></body></html>'''
    return page, gold5([a["title"], a["date"], a["lead"]] + a["body"] + [a["byline"]])

def page5_no_heading(a):
    page = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cổng thông tin điện tử</title></head><body>
<div class="top"><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div>{"".join(f"<a href='#'>{e(m)}</a> " for m in MENU5)}</div>
<div class="mid"><div class="lcol"><div class="box"><div class="box-head">Tin nổi bật</div>{"".join(f"<div class='it'><a href='#'>Tin nổi bật số {i}: hoạt động của tỉnh trong tuần</a></div>" for i in range(5))}</div></div>
<div class="ccol"><div class="newsdetail"><div class="newstitle">{e(a["title"])}</div><div class="newsdate">{e(a["date"])}</div>
<div class="newssapo">{e(a["lead"])}</div><div class="newscontent">{"".join(f"<p>{e(p)}</p>" for p in a["body"])}<p style="text-align:right">{e(a["byline"])}</p></div></div></div></div>
<div class="bot">{"<br>".join(e(x) for x in FOOT5)}</div></body></html>'''
    return page, gold5([a["title"], a["date"], a["lead"]] + a["body"] + [a["byline"]])



# A sixth set: a village page whose paragraphs are <br><br> runs inside <font> in a layout table,
# and a page with an attachment box and a dated list. The attachment label was kept until
# "Tập tin đính kèm" joined the furniture lines (F1 0.978 before).
A6 = [
 dict(title="Xã Tân Hòa đón nhận Bằng công nhận xã đạt chuẩn nông thôn mới",
      date="Ngày 12/12/2022",
      lead="Sáng ngày 10/12/2022, UBND xã Tân Hòa tổ chức lễ đón nhận Bằng công nhận xã đạt chuẩn nông thôn mới năm 2022.",
      body=["Sau 10 năm thực hiện, xã đã huy động 85,6 tỷ đồng cho xây dựng nông thôn mới, trong đó nhân dân đóng góp 12,4 tỷ đồng.",
            "Thu nhập bình quân đầu người đạt 58 triệu đồng/năm; tỷ lệ hộ nghèo còn 1,2%.",
            "Dịp này, UBND huyện tặng Giấy khen cho 12 tập thể, 25 cá nhân có thành tích xuất sắc."],
      byline="Minh Châu - Đài Truyền thanh huyện"),
 dict(title="Kế hoạch tổ chức Hội nghị điển hình tiên tiến lần thứ V",
      date="Cập nhật: 05/05/2020",
      lead="UBND tỉnh ban hành Kế hoạch số 78/KH-UBND ngày 04/5/2020 tổ chức Hội nghị điển hình tiên tiến tỉnh lần thứ V, giai đoạn 2015 - 2020.",
      body=["Hội nghị dự kiến tổ chức trong tháng 8/2020 với 350 đại biểu, trong đó có 150 điển hình tiên tiến tiêu biểu.",
            "Các địa phương hoàn thành việc tổ chức hội nghị cấp huyện trước ngày 30/6/2020."],
      byline="Ban Thi đua - Khen thưởng tỉnh"),
]
FOOT6 = ["Trang thông tin điện tử xã Tân Hòa", "Địa chỉ: ấp 3, xã Tân Hòa", "Điện thoại: 0270.3.123.456"]

def page6_br_paragraphs(a):
    body = "<br><br>".join(e(p) for p in a["body"])
    page = f'''<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Trang thông tin điện tử xã Tân Hòa</title></head>
<body><table width="980" align="center"><tr><td colspan="3"><img src="/banner.jpg"></td></tr>
<tr><td width="200" valign="top"><table class="menu"><tr><td><a href="#">Trang chủ</a></td></tr><tr><td><a href="#">Tin tức</a></td></tr><tr><td><a href="#">Văn bản</a></td></tr></table>
<table class="box"><tr><td><b>Tin mới</b></td></tr>{"".join(f"<tr><td><a href='#'>Tin ngắn số {i} về hoạt động của xã</a></td></tr>" for i in range(6))}</table></td>
<td valign="top"><p><font size="4" color="#0000ff"><b>{e(a["title"])}</b></font></p><p><font size="2"><i>{e(a["date"])}</i></font></p>
<div><font face="Times New Roman" size="3"><b>{e(a["lead"])}</b><br><br>{body}<br><br><div align="right"><b>{e(a["byline"])}</b></div></font></div>
<p>&nbsp;</p><p><a href="javascript:history.back()">[Trở về]</a> <a href="#">[Đầu trang]</a></p></td>
<td width="180" valign="top"><table class="box"><tr><td><b>Thống kê truy cập</b></td></tr><tr><td>Đang online: 12</td></tr><tr><td>Tổng: 123.456</td></tr></table></td></tr>
<tr><td colspan="3" align="center">{"<br>".join(e(x) for x in FOOT6)}</td></tr></table></body></html>'''
    return page, "\n\n".join([a["title"], a["date"], a["lead"]] + a["body"] + [a["byline"]]) + "\n"

def page6_attachments(a):
    body = "".join(f"<p>{e(p)}</p>" for p in a["body"])
    page = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a["title"])} - Ban Thi đua - Khen thưởng</title></head>
<body><div id="hd"><ul class="mainnav">{"".join(f"<li><a href='#'>Mục {i}</a></li>" for i in range(6))}</ul></div>
<div id="ct"><div class="news_detail"><h2>{e(a["title"])}</h2><div class="date">{e(a["date"])}</div><p><b>{e(a["lead"])}</b></p>{body}<p style="text-align:right"><b>{e(a["byline"])}</b></p>
<div class="attach"><b>Tập tin đính kèm:</b><table><tr><td><a href="/f/78-KH-UBND.pdf">78-KH-UBND.pdf</a></td><td>(245 KB)</td><td><a href="/f/78-KH-UBND.pdf">Tải về</a></td></tr></table></div>
<div class="print-share"><a href="#">In trang</a> | <a href="#">Gửi bạn bè</a></div>
<div class="othernews"><b>Các tin đã đưa ngày:</b><ul>{"".join(f"<li><a href='#'>Thông báo số {i} của Ban Thi đua - Khen thưởng</a> - 0{i}/05/2020</li>" for i in range(1,5))}</ul></div></div></div>
<div id="ft">{"<br>".join(e(x) for x in FOOT6)}</div></body></html>'''
    return page, "\n\n".join([a["title"], a["date"], a["lead"]] + a["body"] + [a["byline"]]) + "\n"



# A seventh set: a body paragraph that links the documents it cites (two thirds of it links),
# under a category <h1>, beside a class-less "Lịch công tác" schedule table. F1 0.651 before:
# the paragraph was dropped as links and the schedule kept as prose.
def page7_linked_docrefs():
    # 1. category h1 above a div title; 4. linked document references inside the body
    t1 = "Triển khai Luật Thi đua, khen thưởng năm 2022 trên địa bàn tỉnh"
    d1 = "Ngày đăng: 20/06/2023"
    lead1 = "UBND tỉnh vừa ban hành kế hoạch triển khai thi hành Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn."
    p1 = ('Thực hiện <a href="/vb/1">Luật Thi đua, khen thưởng số 06/2022/QH15</a>, <a href="/vb/2">Nghị định số 98/2023/NĐ-CP</a> và '
          '<a href="/vb/3">Thông tư số 01/2024/TT-BNV</a>, các sở, ngành rà soát quy chế thi đua.')
    p1_text = "Thực hiện Luật Thi đua, khen thưởng số 06/2022/QH15, Nghị định số 98/2023/NĐ-CP và Thông tư số 01/2024/TT-BNV, các sở, ngành rà soát quy chế thi đua."
    p2 = "Kế hoạch yêu cầu hoàn thành việc tập huấn cho 100% cán bộ làm công tác thi đua, khen thưởng trước ngày 30/9/2023."
    src = "Nguồn: Sở Nội vụ"
    page1 = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(t1)}</title><meta property="og:title" content="{e(t1)}"></head><body>
    <div class="menu">{"".join(f"<a href='#'>Mục {i}</a> " for i in range(6))}</div>
    <div class="main"><h1 class="cat-name">Tin tức - Sự kiện</h1><div class="news-title">{e(t1)}</div><div class="news-date">{e(d1)}</div>
    <div class="news-sapo">{e(lead1)}</div><div class="news-content"><p>{p1}</p><p>{e(p2)}</p><p style="text-align:right"><i>{e(src)}</i></p></div></div>
    <div class="right"><table><tr><td colspan=2><b>Lịch công tác tuần</b></td></tr>
    <tr><td>Thứ Hai 26/6</td><td>Chủ tịch UBND tỉnh dự họp giao ban với các sở, ngành về tình hình kinh tế - xã hội, an ninh quốc phòng.</td></tr>
    <tr><td>Thứ Ba 27/6</td><td>Phó Chủ tịch UBND tỉnh làm việc với huyện Phú Tân về công tác giải phóng mặt bằng, tái định cư.</td></tr></table></div>
    <div class="footer">Bản quyền thuộc UBND tỉnh</div></body></html>'''
    return page1, gold7([t1, d1, lead1, p1_text, p2, src])

def gold7(parts): return "\n\n".join(parts) + "\n"

TONES = "\u0300\u0301\u0303\u0309\u0323"

def to_cp1258(text):
    """windows-1258 as Word writes it: letters with their shape marks precomposed (â, ơ, ư, ă),
    tone marks as separate combining characters."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in d if c not in TONES)
        tones = "".join(c for c in d if c in TONES)
        out.append(unicodedata.normalize("NFC", base) + tones)
    return "".join(out).encode("cp1258", errors="strict")

def main():
    os.makedirs(OUT, exist_ok=True)
    pages = []
    A = ARTICLES
    pages.append(("liferay-asset-right", page_liferay(A[0], 1), gold(A[0]), "utf-8"))
    pages.append(("liferay-asset-left", page_liferay(A[3], 2), gold(A[3]), "utf-8"))
    pages.append(("sharepoint-rtestate", page_sharepoint(A[1], 1), gold(A[1]), "utf-8"))
    pages.append(("sharepoint-wpbody-table", page_sharepoint(A[2], 2), gold(A[2]), "utf-8"))
    pages.append(("dnn-easydnnnews", page_dnn(A[4], 1), gold(A[4]), "utf-8"))
    pages.append(("dnn-related", page_dnn(A[5], 2), gold(A[5]), "utf-8"))
    pages.append(("aspnet-table-layout", page_aspnet_table(A[0], 1), gold(A[0]), "utf-8"))
    pages.append(("aspnet-font-soup", page_aspnet_table(A[2], 2), gold(A[2]), "utf-8"))
    pages.append(("word-export-cp1258", page_word(A[1], 1), gold(A[1]), "windows-1258"))
    pages.append(("word-export-table", page_word(A[3], 2), gold(A[3], table=True), "utf-8"))
    pages.append(("gov-vnpt-portal", page_gov(A[4], 1), gold(A[4]), "utf-8"))
    pages.append(("gov-joomla", page_gov(A[5], 2), gold(A[5]), "utf-8"))
    pages.append(("gov-wordpress", page_gov(A[0], 3), gold(A[0]), "utf-8"))
    p, g = page_short(A[5], 1); pages.append(("short-article-long-furniture", p, g, "utf-8"))
    p, g = page_short(A[2], 2); pages.append(("short-article-caption", p, g, "utf-8"))
    pages.append(("legacy-entities-unclosed", page_entities(A[1], 1), gold(A[1]), "ascii"))
    pages.append(("award-table-bootstrap", page_award_table(A[3], 1), gold(A[3], table=True), "utf-8"))
    second = [("drupal-node", page2_drupal), ("bootstrap-cards", page2_cards), ("webforms-form-wrapper", page2_webforms),
              ("inline-related-links", page2_inline_more), ("print-view", page2_print_view)]
    third = [("comments-prose", page3_comments), ("unmarked-doc-sidebar", page3_unmarked_sidebar),
             ("logo-h1-generic-title", page3_logo_h1), ("amp-page", page3_amp), ("related-before-body", page3_related_top)]
    fourth = [("news-tuoitre-shape", page4_tuoitre), ("news-dantri-shape", page4_dantri), ("news-baochinhphu-shape", page4_baochinhphu)]
    fifth = [("table-listing-generic-title", page5_table_listing), ("award-list-in-body", page5_content_list),
             ("pagination-fontsize", page5_paged), ("no-heading-generic-title", page5_no_heading)]
    sixth = [("br-paragraphs-font-table", page6_br_paragraphs), ("attachments-and-dated-list", page6_attachments)]
    for (name, make), a in (list(zip(second, A2)) + list(zip(third, A3)) + list(zip(fourth, A4)) + list(zip(fifth, A5))
                            + list(zip(sixth, A6))):
        page, g = make(a)
        pages.append((name, page, g, "utf-8"))
    page, g = page7_linked_docrefs()
    pages.append(("linked-docrefs-category-h1", page, g, "utf-8"))
    for name, page, g, enc in pages:
        page = unicodedata.normalize("NFC", page)
        if enc == "windows-1258":
            # Word writes Vietnamese in windows-1258 with combining tone marks (decomposed).
            data = to_cp1258(page)
        else:
            data = page.encode("utf-8" if enc == "utf-8" else "ascii")
        with open(os.path.join(OUT, name + ".html"), "wb") as f: f.write(data)
        with open(os.path.join(OUT, name + ".article.txt"), "w", encoding="utf-8") as f: f.write(unicodedata.normalize("NFC", g))
    print(f"wrote {len(pages)} pages to {OUT}")

main()
