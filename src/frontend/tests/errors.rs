//! Every error the frontend reports, with its position (checked against CPython 3.12 where
//! CPython reports the same error).

use super::compile_err;

/// `(source, line, col, message)`.
const CASES: &[(&str, u32, u32, &str)] = &[
    // Syntax errors from the parser, reworded as CPython words them.
    ("x = = 1\n", 1, 5, "SyntaxError: invalid syntax"),
    ("print 'a'\n", 1, 7, "SyntaxError: invalid syntax"),
    ("if x\n    pass\n", 1, 5, "SyntaxError: expected ':'"),
    ("  x = 1\n", 1, 1, "IndentationError: unexpected indent"),
    ("if x:\n    a\n  b\n", 3, 1, "IndentationError: unindent does not match any outer indentation level"),
    ("if x:\nb\n", 2, 1, "IndentationError: expected an indented block after 'if' statement"),
    ("x = 'abc\n", 1, 5, "SyntaxError: unterminated string literal (detected at line 1)"),
    ("f() = 1\n", 1, 1, "SyntaxError: cannot assign to function call"),
    ("x = 1\n(a, 1) = x\n", 2, 5, "SyntaxError: cannot assign to literal"),
    ("del f()\n", 1, 5, "SyntaxError: cannot delete function call"),
    ("f() += 1\n", 1, 1, "SyntaxError: 'function call' is an illegal expression for augmented assignment"),
    ("(a.b := 1)\n", 1, 2, "SyntaxError: cannot use assignment expressions with attribute"),
    (
        "x = 0777\n",
        1,
        5,
        "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
    ),
    // Errors that need scope context (CPython's symtable and compiler).
    ("x = 1\nreturn x\n", 2, 1, "SyntaxError: 'return' outside function"),
    ("class C:\n    return 1\n", 2, 5, "SyntaxError: 'return' outside function"),
    ("x = 1\n\ny = (yield 2)\n", 3, 6, "SyntaxError: 'yield' outside function"),
    ("class C:\n    yield 1\n", 2, 5, "SyntaxError: 'yield' outside function"),
    ("def f():\n    return [(yield x) for x in y]\n", 2, 14, "SyntaxError: 'yield' inside list comprehension"),
    ("def f():\n    g = ((yield x) for x in y)\n", 2, 11, "SyntaxError: 'yield' inside generator expression"),
    ("if x:\n    break\n", 2, 5, "SyntaxError: 'break' outside loop"),
    ("for x in y:\n    def g():\n        break\n", 3, 9, "SyntaxError: 'break' outside loop"),
    ("while x:\n    pass\nelse:\n    continue\n", 4, 5, "SyntaxError: 'continue' not properly in loop"),
    ("def f():\n    print(x)\n    global x\n", 3, 5, "SyntaxError: name 'x' is used prior to global declaration"),
    ("def f():\n    x = 1\n    global x\n", 3, 5, "SyntaxError: name 'x' is assigned to before global declaration"),
    ("class C:\n    x = 1\n    global x\n", 3, 5, "SyntaxError: name 'x' is assigned to before global declaration"),
    ("def f(a):\n    global a\n", 2, 5, "SyntaxError: name 'a' is parameter and global"),
    ("def f():\n    nonlocal x\n", 2, 5, "SyntaxError: no binding for nonlocal 'x' found"),
    ("class C:\n    nonlocal x\n", 2, 5, "SyntaxError: no binding for nonlocal 'x' found"),
    ("x = 1\nnonlocal x\n", 2, 1, "SyntaxError: name 'x' is assigned to before nonlocal declaration"),
    ("nonlocal x\n", 1, 1, "SyntaxError: nonlocal declaration not allowed at module level"),
    (
        "def g():\n  x = 1\n  def f():\n    print(x)\n    nonlocal x\n",
        5,
        5,
        "SyntaxError: name 'x' is used prior to nonlocal declaration",
    ),
    (
        "def g():\n  x = 1\n  def f():\n    global x\n    nonlocal x\n",
        4,
        5,
        "SyntaxError: name 'x' is nonlocal and global",
    ),
    ("def f():\n    x: int = 1\n    global x\n", 3, 5, "SyntaxError: annotated name 'x' can't be global"),
    ("def f(a, b, a):\n    pass\n", 1, 13, "SyntaxError: duplicate argument 'a' in function definition"),
    ("def f(a, *, a): pass\n", 1, 13, "SyntaxError: duplicate argument 'a' in function definition"),
    ("f = lambda a, a: 1\n", 1, 15, "SyntaxError: duplicate argument 'a' in function definition"),
    ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n", 3, 1, "SyntaxError: default 'except:' must be last"),
    (
        "[(x := 1) for x in y]\n",
        1,
        3,
        "SyntaxError: assignment expression cannot rebind comprehension iteration variable 'x'",
    ),
    (
        "class C:\n    [(y := 1) for x in z]\n",
        2,
        7,
        "SyntaxError: assignment expression within a comprehension cannot be used in a class body",
    ),
    ("*a = b\n", 1, 1, "SyntaxError: starred assignment target must be in a list or tuple"),
    ("*a, *b = c\n", 1, 1, "SyntaxError: multiple starred expressions in assignment"),
    ("f(a=1, a=2)\n", 1, 8, "SyntaxError: keyword argument repeated: a"),
    // Valid Python that stitch does not compile.
    (
        "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
        2,
        10,
        "SyntaxError: name capture 'y' makes remaining patterns unreachable",
    ),
    ("async def f():\n    pass\n", 1, 1, "unsupported: async functions"),
    ("class B(bytes):\n    pass\n", 1, 9, "unsupported: subclasses of the built-in type 'bytes'"),
    ("class S(str):\n    pass\n", 1, 9, "unsupported: subclasses of the built-in type 'str'"),
    ("def f():\n    class I(int):\n        pass\n", 2, 13, "unsupported: subclasses of the built-in type 'int'"),
    ("from .. import m\n", 1, 1, "unsupported: relative imports"),
    ("class C(**kw):\n    pass\n", 1, 9, "unsupported: '**' in class keyword arguments"),
    ("class C(*bases):\n    pass\n", 1, 9, "unsupported: starred class bases"),
    ("def f():\n    from m import *\n", 2, 19, "SyntaxError: import * only allowed at module level"),
    ("class C:\n    from m import *\n", 2, 19, "SyntaxError: import * only allowed at module level"),
    ("from . import m\n", 1, 1, "unsupported: relative imports"),
    ("from .m import x\n", 1, 1, "unsupported: relative imports"),
    ("try:\n    pass\nexcept* E:\n    pass\n", 1, 1, "unsupported: 'except*'"),
    ("def f[T](x):\n    pass\n", 1, 6, "unsupported: type parameters"),
    ("class C[T]:\n    pass\n", 1, 8, "unsupported: type parameters"),
    ("type X = int\n", 1, 1, "unsupported: 'type' statement"),
];

#[test]
fn every_error_has_its_message_and_position() {
    let mut failures = Vec::new();
    for &(source, line, col, message) in CASES {
        let error = compile_err(source);
        if (error.line, error.col, error.message.as_str()) != (line, col, message) {
            failures.push(format!("{source:?}\n  expected {line}:{col}: {message}\n  got      {error}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn display_is_line_col_message() {
    let error = compile_err("x = 1\nreturn x\n");
    assert_eq!(error.to_string(), "2:1: SyntaxError: 'return' outside function");
}

#[test]
fn columns_count_characters_not_bytes() {
    let error = compile_err("s = 'héllo'; from . import m\n");
    assert_eq!((error.line, error.col), (1, 14));
}

#[test]
fn break_and_continue_in_finally_inside_a_loop_are_allowed() {
    super::compile_ok("for x in y:\n    try:\n        pass\n    finally:\n        continue\n");
    super::compile_ok("while x:\n    try:\n        pass\n    finally:\n        break\n");
}

#[test]
fn yield_in_lambda_and_in_outermost_comprehension_iterable_is_allowed() {
    super::compile_ok("f = lambda: (yield)\n");
    super::compile_ok("def f():\n    return [x for x in (yield)]\n");
}

#[test]
fn too_deep_nesting_is_an_error_not_a_crash() {
    let message = "RecursionError: maximum recursion depth exceeded during compilation";
    let n = 100_000;
    let deep = [
        format!("x = 1{}\n", " + 1".repeat(n)),
        format!("x = {}1\n", "(1 + ".repeat(n / 10) + &")".repeat(n / 10)),
        format!("x = {}1\n", "-".repeat(n)),
        format!("x = {}{}\n", "[".repeat(n), "]".repeat(n)),
        format!("x = {}1\n", "not ".repeat(n)),
        format!("x = {}1\n", "lambda: ".repeat(n)),
        format!("x = f{}\n", "()".repeat(n)),
        format!("x = a{}\n", ".b".repeat(n)),
        // A syntax error in a deep tree: the depth is checked before the tree is dropped.
        format!("x = 1{} +\n", " + 1".repeat(n)),
    ];
    for source in &deep {
        let error = compile_err(source);
        assert_eq!(error.message, message, "for {}...", &source[..20]);
    }
    assert_eq!(compile_err(&format!("x = {}1\n", "-".repeat(300))).col, 204);
    // Just under the limit compiles, and long flat chains are not nesting; nor are long
    // operator chains (generated code has them), up to a much larger limit.
    super::compile_ok(&format!("x = {}1{}\n", "(-".repeat(150), ")".repeat(150)));
    super::compile_ok(&format!("x = 1{}\n", " + a * -b".repeat(4000)));
    super::compile_ok(&format!("x = [{}]\n", "1, ".repeat(n)));
    super::compile_ok(&format!("if x:\n    pass\n{}", "elif x:\n    pass\n".repeat(10_000)));
    super::compile_ok(&format!("x = [y{}]\n", " for y in z".repeat(1000)));
}

#[test]
fn too_many_statically_nested_blocks() {
    let mut source = String::new();
    for depth in 0..21 {
        source.push_str(&" ".repeat(depth));
        source.push_str("for x in y:\n");
    }
    source.push_str(&" ".repeat(21));
    source.push_str("pass\n");
    let error = compile_err(&source);
    assert_eq!((error.line, error.col), (21, 21));
    assert_eq!(error.message, "SyntaxError: too many statically nested blocks");
    let twenty: String = (0..20).map(|depth| format!("{}while x:\n", " ".repeat(depth))).collect();
    super::compile_ok(&format!("{twenty}{}pass\n", " ".repeat(20)));
}
