import SolieuText
import Testing

/// Vietnamese alphabetical order for sorted output.
struct CollationTests {
    func sorted(_ names: [String]) -> [String] { names.sorted(by: VietnameseCollation.precedes) }

    @Test func provincesInAlphabeticalOrder() {
        #expect(sorted(["Bình Định", "Bến Tre", "Bạc Liêu", "Bắc Ninh", "Bà Rịa - Vũng Tàu", "Bắc Giang"])
                == ["Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Ninh", "Bến Tre", "Bình Định"])
        // đ is a letter after d; ơ after ô after o; ư after u.
        #expect(sorted(["Đà Nẵng", "Điện Biên", "Đắk Lắk", "Đắk Nông", "Đồng Nai", "Đồng Tháp", "Quảng Ngãi", "Cà Mau", "Cần Thơ"])
                == ["Cà Mau", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Quảng Ngãi"])
        #expect(sorted(["Dương", "Đà", "Duy"]) == ["Duy", "Dương", "Đà"])
        #expect(sorted(["ơn", "ôm", "om"]) == ["om", "ôm", "ơn"])
    }

    @Test func tonesOnlyBreakTiesAndNumbersByValue() {
        // ngang, huyền, hỏi, ngã, sắc, nặng.
        #expect(sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"])
        #expect(sorted(["Quận 10", "Quận 2", "Quận 1"]) == ["Quận 1", "Quận 2", "Quận 10"])
        #expect(sorted(["ca nhan", "Cá nhân", "cá nhân"]).first == "ca nhan")
    }
}
