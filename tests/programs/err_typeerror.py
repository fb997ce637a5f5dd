# Uncaught TypeError from mixing types deep in a call chain
def label(item):
    return "#" + item["id"]
def render(items):
    out = []
    for it in items:
        out.append(label(it))
        print("rendered", out[-1])
    return out
def page(items):
    print("rendering", len(items), "items")
    return render(items)
def site(pages):
    for name, items in pages:
        print("page", name)
        print(page(items))
pages = [
    ("home", [{"id": "a1"}, {"id": "b2"}]),
    ("about", [{"id": "c3"}, {"id": 4}, {"id": "d5"}]),
]
site(pages)
print("not reached")
