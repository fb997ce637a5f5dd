# Generator pipelines over a synthetic web-server log: lines are produced, parsed, filtered,
# enriched and aggregated by chained generator functions and generator expressions, with
# sliding windows, per-key summaries and a few sum()/max()/zip()/enumerate() reductions.
import random

PATHS = ("/", "/index.html", "/about", "/api/items", "/api/users", "/static/app.js",
         "/static/style.css", "/login", "/logout", "/search")
METHODS = ("GET", "GET", "GET", "POST", "GET", "PUT", "GET", "DELETE")
STATUSES = (200, 200, 200, 200, 304, 301, 404, 500, 200, 201)
AGENTS = ("firefox", "chrome", "curl", "bot", "safari")


def log_lines(n, seed):
    """Yield raw log lines, one string at a time."""
    random.seed(seed)
    t = 1000
    for i in range(n):
        t += int(random.random() * 5)
        host = "10.0.%d.%d" % (random.randrange(4), random.randrange(32))
        method = random.choice(METHODS)
        path = random.choice(PATHS)
        if path.startswith("/api") and random.random() < 0.5:
            path = path + "/" + str(random.randrange(100))
        status = random.choice(STATUSES)
        size = int(random.random() ** 3 * 50000) if status != 304 else 0
        agent = random.choice(AGENTS)
        ms = round(random.random() * 80 + (200 if status == 500 else 0), 1)
        yield f"{t} {host} {method} {path} {status} {size} {ms} {agent}"


def parse(lines):
    for line in lines:
        fields = line.split()
        if len(fields) != 8:
            continue
        yield {
            "time": int(fields[0]),
            "host": fields[1],
            "method": fields[2],
            "path": fields[3],
            "status": int(fields[4]),
            "size": int(fields[5]),
            "ms": float(fields[6]),
            "agent": fields[7],
        }


def drop_bots(records):
    for r in records:
        if r["agent"] == "bot" or r["agent"] == "curl" and r["method"] != "GET":
            continue
        yield r


def enrich(records):
    for r in records:
        path = r["path"]
        parts = path.strip("/").split("/")
        if path.startswith("/static"):
            kind = "static"
        elif parts[0] == "api":
            kind = "api"
        else:
            kind = "page"
        r["kind"] = kind
        r["section"] = parts[0] or "root"
        r["ok"] = r["status"] < 400
        yield r


def windows(records, size):
    """Yield (first time, last time, records) for consecutive non-overlapping windows."""
    batch = []
    for r in records:
        batch.append(r)
        if len(batch) == size:
            yield batch[0]["time"], batch[-1]["time"], batch
            batch = []
    if batch:
        yield batch[0]["time"], batch[-1]["time"], batch


def moving_average(values, width):
    window = []
    total = 0.0
    for v in values:
        window.append(v)
        total += v
        if len(window) > width:
            total -= window.pop(0)
        if len(window) == width:
            yield total / width


def take(n, items):
    for i, x in enumerate(items):
        if i >= n:
            return
        yield x


def pairwise(items):
    it = iter(items)
    prev = next(it)
    for x in it:
        yield prev, x
        prev = x


def summarize(stream):
    by_kind = {}
    by_status = {}
    hosts = set()
    errors_by_section = {}
    window_report = []
    for first, last, batch in windows(stream, 500):
        bytes_out = sum(r["size"] for r in batch)
        slowest = max(r["ms"] for r in batch)
        errors = sum(1 for r in batch if not r["ok"])
        window_report.append((first, last, len(batch), bytes_out, slowest, errors))
        for r in batch:
            k = r["kind"]
            entry = by_kind.get(k)
            if entry is None:
                entry = [0, 0, 0.0]
                by_kind[k] = entry
            entry[0] += 1
            entry[1] += r["size"]
            entry[2] += r["ms"]
            by_status[r["status"]] = by_status.get(r["status"], 0) + 1
            hosts.add(r["host"])
            if not r["ok"]:
                sec = r["section"]
                errors_by_section[sec] = errors_by_section.get(sec, 0) + 1
    return by_kind, by_status, hosts, errors_by_section, window_report


def main():
    stream = enrich(drop_bots(parse(log_lines(120000, 7))))
    by_kind, by_status, hosts, errors_by_section, report = summarize(stream)

    print("windows", len(report))
    for i, (first, last, n, out, slowest, errors) in enumerate(take(5, iter(report))):
        print(f"window {i}: t={first}..{last} n={n} bytes={out} slowest={slowest} errors={errors}")
    total = sum(w[2] for w in report)
    print("records kept", total)

    for kind, (n, size, ms) in sorted(by_kind.items()):
        print(f"{kind:>6}: {n:6d} requests {size:10d} bytes  mean {ms / n:.3f} ms")
    for status in sorted(by_status.keys()):
        print("status", status, by_status[status])
    print("distinct hosts", len(hosts), "subnets", sorted({h.split(".")[2] for h in hosts}))
    print("error sections", ", ".join(f"{s}={n}" for s, n in sorted(errors_by_section.items())))
    print("total errors", sum(errors_by_section.values()))

    # Trends across windows: moving averages of bytes and the change between windows.
    sizes = (w[3] for w in report)
    smooth = [round(x / 1000, 3) for x in moving_average(sizes, 4)]
    print("smoothed kB", smooth[:6])
    deltas = [b[5] - a[5] for a, b in pairwise(w for w in report)]
    print("error deltas", deltas[:10], "max rise", max(deltas), "max fall", min(deltas))
    busiest = max(zip((w[3] for w in report), range(len(report))))
    print("busiest window", busiest[1], "bytes", busiest[0])

    # A second pass, fully lazy, only up to the first 2000 slow requests.
    slow = (r for r in enrich(parse(log_lines(120000, 7))) if r["ms"] > 60.0)
    paths = {}
    for r in take(2000, slow):
        paths[r["path"]] = paths.get(r["path"], 0) + 1
    top = sorted(paths.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    for path, n in top:
        print(f"slow {path:<18} {n}")

    # Iterating over the plain containers: tuples, strings, sets of ints, dict views.
    letters = {}
    for p in PATHS:
        for ch in p:
            if ch.isalpha():
                letters[ch] = letters.get(ch, 0) + 1
    print("letters", "".join(sorted(letters, key=lambda c: (-letters[c], c))[:8]))
    codes = set(STATUSES)
    print("codes", sum(codes), sorted(c for c in codes if c >= 300))
    weights = {m: i + 1 for i, m in enumerate(METHODS)}
    print("method weights", list(weights.keys()), sum(weights.values()))
    check = 0
    for i, (a, b) in enumerate(zip(AGENTS, reversed(AGENTS))):
        check += (i + 1) * (len(a) * 7 + len(b))
    print("agent check", check)


main()
