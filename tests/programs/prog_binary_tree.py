# Binary search tree with recursive insert, search, traversal, height, delete
class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
def insert(node, key):
    if node is None:
        return Node(key)
    if key < node.key:
        node.left = insert(node.left, key)
    elif key > node.key:
        node.right = insert(node.right, key)
    return node
def contains(node, key):
    if node is None:
        return False
    if key == node.key:
        return True
    return contains(node.left if key < node.key else node.right, key)
def inorder(node):
    return [] if node is None else inorder(node.left) + [node.key] + inorder(node.right)
def preorder(node):
    return [] if node is None else [node.key] + preorder(node.left) + preorder(node.right)
def height(node):
    return 0 if node is None else 1 + max(height(node.left), height(node.right))
def size(node):
    return 0 if node is None else 1 + size(node.left) + size(node.right)
def min_key(node):
    while node.left:
        node = node.left
    return node.key
def delete(node, key):
    if node is None:
        return None
    if key < node.key:
        node.left = delete(node.left, key)
    elif key > node.key:
        node.right = delete(node.right, key)
    else:
        if node.left is None:
            return node.right
        if node.right is None:
            return node.left
        node.key = min_key(node.right)
        node.right = delete(node.right, node.key)
    return node
def show(node, depth=0):
    if node is None:
        return
    show(node.right, depth + 1)
    print("    " * depth + str(node.key))
    show(node.left, depth + 1)
root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
    root = insert(root, k)
print(inorder(root))
print(preorder(root))
print("height", height(root), "size", size(root), "min", min_key(root))
print([contains(root, k) for k in (35, 36, 80, 10)])
show(root)
for k in [20, 30, 50, 99]:
    root = delete(root, k)
    print("after deleting", k, inorder(root), "root", root.key, "height", height(root))
def paths(node, prefix):
    if node is None:
        return []
    here = prefix + [node.key]
    if node.left is None and node.right is None:
        return [here]
    return paths(node.left, here) + paths(node.right, here)
for p in paths(root, []):
    print(" -> ".join(str(k) for k in p), "sum", sum(p))
skewed = None
for k in range(1, 200):
    skewed = insert(skewed, k)
print("skewed height", height(skewed), size(skewed))
