# Uncaught TypeError from mixing types deep in a call chain
def label(item):
    return "#" + item["id"]
def render(items):
    return [label(it) for it in items]
def page(items):
    print("rendering", len(items), "items")
    return render(items)
print(page([{"id": "a1"}, {"id": "b2"}]))
print(page([{"id": "c3"}, {"id": 4}]))
