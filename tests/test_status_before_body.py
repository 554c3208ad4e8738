"""No test reads an answer's body before it has checked the answer's status.

A test that reads ``client.get(url).json()["total"]`` of a refused request fails with a
KeyError that hides the sentence the server gave, or, worse, passes on an error body that
happens to fit. So every body is read through ``tests.responses.ok`` or after the test has
looked at ``status_code``. This walks the tests' source and names each place that does not.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent
CALLS = {"get", "post", "patch", "put", "delete", "request", "options", "head"}
# httpx answers (the TestClient) and Playwrights (the browser tests API calls).
CHECKS = {"status_code", "is_success", "raise_for_status", "status", "ok"}


def _is_request(node: ast.AST) -> bool:
    """``client.get(...)``, ``self.lead_client.post(...)``, ``client_as(user).patch(...)``..."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in CALLS
    )


def _checked(node: ast.AST) -> str | None:
    """The answer whose status ``node`` looks at: ``answer.status_code``, ``ok(answer)``."""
    if isinstance(node, ast.Attribute) and node.attr in CHECKS:
        return node.value.id if isinstance(node.value, ast.Name) else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ok":
        return node.args[0].id if node.args and isinstance(node.args[0], ast.Name) else None
    return None


def _bodies_read_unchecked(source: str) -> list[tuple[int, str]]:
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        answers: set[str] = set()
        checked: set[str] = set()
        nodes = [n for n in ast.walk(function) if hasattr(n, "lineno")]
        for node in sorted(nodes, key=lambda n: (n.lineno, n.col_offset)):
            if isinstance(node, ast.Assign) and _is_request(node.value):
                names = {t.id for t in node.targets if isinstance(t, ast.Name)}
                answers |= names
                checked -= names
            elif (name := _checked(node)) is not None:
                checked.add(name)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "json"
                and not node.args
            ):
                answer = node.func.value
                unchecked = isinstance(answer, ast.Name) and answer.id in answers - checked
                if _is_request(answer) or unchecked:
                    found.append((node.lineno, ast.unparse(node)))
    return found


def test_the_check_finds_a_body_read_before_its_status() -> None:
    read_first = (
        "def test_x(client):\n"
        "    assert client.get('/a').json()['total'] == 1\n"
        "    answer = client.post('/b')\n"
        "    assert answer.json()['id']\n"
        "    assert answer.status_code == 201\n"
    )
    assert [line for line, _ in _bodies_read_unchecked(read_first)] == [2, 4]
    status_first = (
        "def test_x(client):\n"
        "    assert ok(client.get('/a'))['total'] == 1\n"
        "    answer = client.post('/b')\n"
        "    assert answer.status_code == 201\n"
        "    assert answer.json()['id']\n"
        "    again = client.post('/b')\n"
        "    assert ok(again)['id'] and again.json()\n"
    )
    assert _bodies_read_unchecked(status_first) == []


def test_no_test_reads_a_body_before_its_status() -> None:
    found = [
        f"{path.relative_to(TESTS.parent)}:{line}: {text}"
        for path in sorted(TESTS.rglob("*.py"))
        for line, text in _bodies_read_unchecked(path.read_text(encoding="utf-8"))
    ]
    assert not found, "bodies read before their status:\n" + "\n".join(found)
