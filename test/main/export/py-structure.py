"""Prints the structure of an exported graph.py as JSON: nodes, edges, routers, interrupt points.

usage: python3 py-structure.py graph.py
"""
import ast
import json
import sys

SPECIAL = {"END": "__end__", "START": "__start__"}


def value(node):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return SPECIAL.get(node.id, "$" + node.id)
    if isinstance(node, ast.List):
        return [value(item) for item in node.elts]
    return None


def calls_interrupt(function):
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "interrupt" for n in ast.walk(function))


tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
assigned = {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
out = {"nodes": {}, "edges": [], "conditional": [], "compile": {}, "interrupt_nodes": [], "defined": []}
for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
    func = call.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "builder"):
        continue
    args = [value(a) for a in call.args]
    if func.attr == "add_node":
        out["nodes"][args[0]] = args[1][1:]
    elif func.attr == "add_edge":
        out["edges"].append(args)
    elif func.attr == "add_conditional_edges":
        router = functions[args[1][1:]]
        returns = sorted({value(r.value) for r in ast.walk(router) if isinstance(r, ast.Return)})
        out["conditional"].append({"source": args[0], "targets": args[2], "returns": returns})
    elif func.attr == "compile":
        out["compile"] = {k.arg: value(k.value) for k in call.keywords if k.arg != "checkpointer"}
for node_id, name in out["nodes"].items():
    if name in functions and calls_interrupt(functions[name]):
        out["interrupt_nodes"].append(node_id)
    if name in functions or name in assigned:
        out["defined"].append(node_id)
print(json.dumps(out, sort_keys=True))
