"""A bounded abuse test of `solieu serve` on loopback (started by scripts/abuse-serve).

10,000 malformed requests: bad parameters, invalid UTF-8 (percent-encoded and raw), path
traversal in documents/ and static/, huge headers and URLs, garbage request lines, wrong
methods, cut requests; then slow clients that send a byte a second while a good request is
answered. Every answer must be an HTTP answer (or the connection closed on a request HTTP
cannot parse), none a 500, none carrying a path, SQL or a stack; the server stays up and
answers the next good request.

Usage: python3 abuse.py HOST PORT DATABASE_PATH
"""
import random
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

host, port, db_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(16)
problems = []
tally = {}
lock = threading.Lock()


def exchange(raw, timeout=10.0):
    """Sends raw bytes, returns the status code (None: closed without an answer) and the body."""
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(raw)
        s.shutdown(socket.SHUT_WR)
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            data += chunk
            if len(data) > 4 << 20:
                break
    if not data.startswith(b"HTTP/1."):
        return None, data
    return int(data.split(b" ", 2)[1]), data


def get(target, headers=b""):
    return b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + b"\r\n"


def bad_requests():
    names = [b"q", b"kind", b"province", b"limit", b"offset", b"after", b"group_by", b"status", b"format", b"doc", b"zzz", b"", b"%ZZ", b"q[]"]
    values = [b"%FF", b"%C3", b"%C3%28", b"\xff\xfe", b"%00", b"-1", b"99999999999999999999", b"1e9", b"abc", b"%22", b"(", b"NEAR(", b"*",
              b"'; DROP TABLE documents; --", b"%3Cscript%3E", b"A" * 3000, b"2018-13-45", b"province,province", b"\"", b"OR", b"--",
              b"..%2F..%2Fetc%2Fpasswd", b"%u0041", b"+" * 50]
    paths = [b"/api/v1/search", b"/api/v1/figures", b"/api/v1/stats", b"/api/v1/audit", b"/api/v1/export", b"/search", b"/figures",
             b"/stats", b"/audit", b"/stats.csv"]
    traversal = [b"/api/v1/documents/../../etc/passwd", b"/api/v1/documents/..%2F..%2Fetc%2Fpasswd", b"/documents/%2e%2e/%2e%2e/etc/passwd",
                 b"/static/../Package.swift", b"/static/..%2F..%2FPackage.swift", b"/api/v1/documents/1%00", b"/api/v1/documents/-1",
                 b"/api/v1/documents/" + b"9" * 400, b"/documents/1/../../../../etc/shadow", b"//etc/passwd", b"/api/v1/documents/%FF"]
    for i in range(10_000):
        kind = i % 10
        if kind < 5:
            query = b"&".join(rng.choice(names) + b"=" + rng.choice(values) for _ in range(rng.randint(1, 4)))
            yield "bad parameters", get(rng.choice(paths) + b"?" + query)
        elif kind == 5:
            yield "path traversal", get(rng.choice(traversal))
        elif kind == 6:
            size = rng.choice([9_000, 70_000, 200_000])
            yield "huge header", get(b"/api/v1/stats", b"X-Junk: " + b"a" * size + b"\r\n")
        elif kind == 7:
            yield "huge URL", get(b"/api/v1/search?q=" + b"a" * rng.choice([9_000, 100_000]))
        elif kind == 8:
            yield "garbage", rng.choice([b"\x00\x01\x02\r\n\r\n", b"GET\r\n\r\n", b"HELLO / HTTP/9.9\r\n\r\n", b"GET /api/v1/stats HTTP/1.1\r\nHost",
                                         b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /api/v1/stats HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                                         bytes(rng.getrandbits(8) for _ in range(200))])
        else:
            method = rng.choice([b"POST", b"PUT", b"DELETE", b"PATCH", b"TRACE", b"OPTIONS"])
            yield "wrong method", method + b" /api/v1/figures HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"


def run(item):
    label, raw = item
    try:
        status, data = exchange(raw)
    except OSError as e:
        status, data = None, str(e).encode()
    body = data.lower()
    with lock:
        tally[(label, status)] = tally.get((label, status), 0) + 1
        if label == "wrong method" and status != 405:
            problems.append(f"{label}: {status} for {raw[:60]!r}")
        if status is not None and status >= 500 and status != 503:
            problems.append(f"{label}: {status} for {raw[:120]!r}")
        # Errors say nothing of the inside (a bulletin's own answer may hold its source's path).
        for leak in [db_path.encode().lower(), b"select ", b"stack", b"fatal error", b"/work/", b"/tmp/", b"sqlite error"]:
            if status != 200 and leak in body:
                problems.append(f"{label}: answer holds {leak!r}: {data[:300]!r}")
        if label == "path traversal" and (b"root:" in data or b"package(" in body):
            problems.append(f"{label}: served a file: {raw[:100]!r}")


def good():
    status, data = exchange(get(b"/api/v1/search?q=bang+khen&limit=1"), timeout=5)
    return status == 200 and b'"results"' in data


start = time.time()
with ThreadPoolExecutor(max_workers=16) as pool:
    list(pool.map(run, bad_requests()))
bad_seconds = time.time() - start
if not good():
    problems.append("after 10,000 malformed requests the server does not answer a good one")

# Slow clients: 50 connections that send a request a byte a second; a good request meanwhile.
slow = []
for _ in range(50):
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(b"GET /api/v1/st")
    slow.append(s)
stop = threading.Event()


def trickle():
    while not stop.is_set():
        for s in slow:
            try:
                s.sendall(b"a")
            except OSError:
                pass
        time.sleep(1)


t = threading.Thread(target=trickle)
t.start()
time.sleep(1.5)
t0 = time.time()
ok = good()
waited = time.time() - t0
stop.set()
t.join()
for s in slow:
    s.close()
if not ok or waited > 2:
    problems.append(f"with 50 slow clients a good request took {waited:.2f} s (answered: {ok})")
if not good():
    problems.append("after the slow clients the server does not answer a good one")

for (label, status), n in sorted(tally.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
    print(f"  {label:<15} {str(status) if status is not None else 'closed':>6}  {n}")
print(f"abuse: 10000 malformed requests in {bad_seconds:.1f} s; good request with 50 slow clients in {waited * 1000:.0f} ms")
if problems:
    for p in problems[:20]:
        print("FAIL:", p)
    print(f"abuse: {len(problems)} problems")
    sys.exit(1)
print("abuse: no 500, no leak, no file served; the server stays up and answers")
