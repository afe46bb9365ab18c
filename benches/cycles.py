# Object allocation with reference cycles: trees whose nodes point back to their
# parents, doubly linked rings, and self-referencing containers, built and dropped
# repeatedly so the cycle collector has work to do.


class Node:
    def __init__(self, parent, value):
        self.parent = parent
        self.children = []
        self.value = value


class Link:
    def __init__(self, value):
        self.value = value
        self.prev = self
        self.next = self


def build_tree(parent, depth, value):
    node = Node(parent, value)
    if depth > 0:
        for k in range(3):
            node.children.append(build_tree(node, depth - 1, value * 3 + k))
    return node


def tree_sum(node):
    total = node.value
    for child in node.children:
        total += tree_sum(child)
    return total


def build_ring(n):
    head = Link(0)
    for i in range(1, n):
        link = Link(i)
        last = head.prev
        last.next = link
        link.prev = last
        link.next = head
        head.prev = link
    return head


def ring_sum(head):
    total = head.value
    link = head.next
    while link is not head:
        total += link.value
        link = link.next
    return total


def main():
    total = 0
    for rep in range(250):
        root = build_tree(None, 7, rep)
        total += tree_sum(root) % 1000003
        ring = build_ring(2000)
        total += ring_sum(ring)
        for i in range(300):
            d = {"self": None, "i": i}
            d["self"] = d
            lst = [i, d]
            lst.append(lst)
            total += len(lst)
    return total


result = main()
assert result == 624310922, result
print("cycles", result)
