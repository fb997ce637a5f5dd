//! Instruction patterns of the key constructs, and stack sizes.
//!
//! Listings use `OPNAME meaning`, with jump targets as instruction indices (`-> 13`).

use super::{assert_listing, compile_ok, find_code};
use crate::bytecode::{flags, Const, ExceptionEntry};

#[test]
fn call_of_a_global_in_a_function() {
    let code = compile_ok("def f(x):\n    return print(1, x)\n");
    let f = find_code(&code, "f");
    assert_listing(
        f,
        "LOAD_GLOBAL print + NULL
         LOAD_CONST 1
         LOAD_FAST x
         CALL 2
         RETURN_VALUE",
    );
    assert_eq!(f.stacksize, 4);
    assert_eq!(f.flags, flags::OPTIMIZED | flags::NEWLOCALS);
}

#[test]
fn call_at_module_level_pushes_null_after_the_callee() {
    let code = compile_ok("print('hi')\n");
    assert_listing(
        &code,
        "LOAD_NAME print
         PUSH_NULL
         LOAD_CONST 'hi'
         CALL 1
         POP_TOP
         RETURN_CONST None",
    );
    assert_eq!(code.stacksize, 3);
    assert_eq!(code.flags, 0);
}

#[test]
fn method_call_with_keyword() {
    let code = compile_ok("obj.m(1, k=2)\n");
    assert_listing(
        &code,
        "LOAD_NAME obj
         LOAD_ATTR m + NULL|self
         LOAD_CONST 1
         LOAD_CONST 2
         KW_NAMES ('k',)
         CALL 2
         POP_TOP
         RETURN_CONST None",
    );
    assert_eq!(code.stacksize, 4);
}

#[test]
fn for_loop_with_break_and_else() {
    let code = compile_ok(
        "def f(xs):\n    for x in xs:\n        if x:\n            break\n        g(x)\n    else:\n        return 0\n    return 1\n",
    );
    let f = find_code(&code, "f");
    assert_listing(
        f,
        "LOAD_FAST xs
         GET_ITER
         FOR_ITER -> 12
         STORE_FAST_LOAD_FAST x, x
         POP_JUMP_IF_FALSE -> 7
         POP_TOP
         JUMP_FORWARD -> 13
         LOAD_GLOBAL g + NULL
         LOAD_FAST x
         CALL 1
         POP_TOP
         JUMP_BACKWARD -> 2
         RETURN_CONST 0
         RETURN_CONST 1",
    );
    assert_eq!(f.stacksize, 4);
}

#[test]
fn while_loops_continue_and_constant_tests() {
    let code = compile_ok(
        "def f(n):\n    while n:\n        n -= 1\n        if n == 3:\n            continue\n    while True:\n        pass\n",
    );
    assert_listing(
        find_code(&code, "f"),
        "LOAD_FAST n
         POP_JUMP_IF_FALSE -> 11
         LOAD_FAST n
         LOAD_CONST 1
         BINARY_OP -=
         STORE_FAST_LOAD_FAST n, n
         LOAD_CONST 3
         COMPARE_OP ==
         POP_JUMP_IF_FALSE -> 10
         JUMP_BACKWARD -> 0
         JUMP_BACKWARD -> 0
         JUMP_BACKWARD -> 11",
    );
}

#[test]
fn try_except_with_named_and_bare_handlers() {
    let code = compile_ok(
        "def f():\n    try:\n        a()\n    except (E, F) as e:\n        b(e)\n    except:\n        c()\n",
    );
    let f = find_code(&code, "f");
    assert_listing(
        f,
        "LOAD_GLOBAL a + NULL
         CALL 0
         POP_TOP
         JUMP_FORWARD -> 33
         PUSH_EXC_INFO
         LOAD_GLOBAL E
         LOAD_GLOBAL F
         BUILD_TUPLE 2
         CHECK_EXC_MATCH
         POP_JUMP_IF_FALSE -> 24
         STORE_FAST e
         LOAD_GLOBAL b + NULL
         LOAD_FAST e
         CALL 1
         POP_TOP
         POP_EXCEPT
         LOAD_CONST None
         STORE_FAST e
         DELETE_FAST e
         JUMP_FORWARD -> 33
         LOAD_CONST None
         STORE_FAST e
         DELETE_FAST e
         RERAISE
         POP_TOP
         LOAD_GLOBAL c + NULL
         CALL 0
         POP_TOP
         POP_EXCEPT
         JUMP_FORWARD -> 33
         SWAP 2
         POP_EXCEPT
         RERAISE
         RETURN_CONST None",
    );
    let entry = |start, end, target, depth| ExceptionEntry { start, end, target, depth };
    assert_eq!(f.exception_table, [entry(0, 3, 4, 0), entry(4, 11, 30, 1), entry(11, 15, 20, 1), entry(20, 28, 30, 1)]);
    assert_eq!(f.stacksize, 4);
}

#[test]
fn return_inside_try_finally_inside_a_loop() {
    let code = compile_ok(
        "def f(xs):\n    for x in xs:\n        try:\n            if x:\n                return x\n        finally:\n            log()\n",
    );
    let f = find_code(&code, "f");
    assert_listing(
        f,
        "LOAD_FAST xs
         GET_ITER
         FOR_ITER -> 25
         STORE_FAST x
         LOAD_FAST x
         POP_JUMP_IF_FALSE -> 13
         LOAD_FAST x
         LOAD_GLOBAL log + NULL
         CALL 0
         POP_TOP
         SWAP 2
         POP_TOP
         RETURN_VALUE
         LOAD_GLOBAL log + NULL
         CALL 0
         POP_TOP
         JUMP_BACKWARD -> 2
         PUSH_EXC_INFO
         LOAD_GLOBAL log + NULL
         CALL 0
         POP_TOP
         RERAISE
         SWAP 2
         POP_EXCEPT
         RERAISE
         RETURN_CONST None",
    );
    let entry = |start, end, target, depth| ExceptionEntry { start, end, target, depth };
    // The body is protected at depth 1 (the iterator); the finally handler's own cleanup at
    // depth 2 (iterator and previous exception).
    assert_eq!(f.exception_table, [entry(4, 7, 17, 1), entry(17, 22, 22, 2)]);
}

#[test]
fn return_from_an_except_handler_restores_the_exception_state() {
    let code = compile_ok("def f():\n    try:\n        pass\n        g()\n    except E as e:\n        return e\n");
    assert_listing(
        find_code(&code, "f"),
        "LOAD_GLOBAL g + NULL
         CALL 0
         POP_TOP
         JUMP_FORWARD -> 24
         PUSH_EXC_INFO
         LOAD_GLOBAL E
         CHECK_EXC_MATCH
         POP_JUMP_IF_FALSE -> 20
         STORE_FAST e
         LOAD_FAST e
         SWAP 2
         POP_EXCEPT
         LOAD_CONST None
         STORE_FAST e
         DELETE_FAST e
         RETURN_VALUE
         LOAD_CONST None
         STORE_FAST e
         DELETE_FAST e
         RERAISE
         RERAISE
         SWAP 2
         POP_EXCEPT
         RERAISE
         RETURN_CONST None",
    );
}

#[test]
fn closure_over_a_parameter_and_a_local() {
    let code = compile_ok("def outer(a, b):\n    def inner():\n        return a + c\n    c = 1\n    return inner\n");
    let outer = find_code(&code, "outer");
    assert_listing(
        outer,
        "MAKE_CELL a
         MAKE_CELL c
         LOAD_CLOSURE a
         LOAD_CLOSURE c
         BUILD_TUPLE 2
         LOAD_CONST <code object inner, line 2>
         MAKE_FUNCTION 8
         STORE_FAST inner
         LOAD_CONST 1
         STORE_DEREF c
         LOAD_FAST inner
         RETURN_VALUE",
    );
    assert_eq!(outer.cellvars, ["a", "c"]);
    assert_eq!(outer.cell2arg, [Some(0), None]);
    let inner = find_code(&code, "inner");
    assert_listing(
        inner,
        "COPY_FREE_VARS 2
         LOAD_DEREF a
         LOAD_DEREF c
         BINARY_OP +
         RETURN_VALUE",
    );
    assert_eq!(inner.qualname, "outer.<locals>.inner");
    assert_eq!(inner.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::NESTED);
}

#[test]
fn nonlocal_and_global_stores() {
    let code = compile_ok(
        "x = 1\ndef g():\n    global x\n    x = 2\n    n = 0\n    def h():\n        nonlocal n\n        n += x\n    return h\n",
    );
    assert_listing(
        find_code(&code, "h"),
        "COPY_FREE_VARS 1
         LOAD_DEREF n
         LOAD_GLOBAL x
         BINARY_OP +=
         STORE_DEREF n
         RETURN_CONST None",
    );
    assert!(find_code(&code, "g").instrs.iter().any(|i| i.op == crate::bytecode::Opcode::STORE_GLOBAL));
}

#[test]
fn list_comprehension_with_two_loops_and_a_condition() {
    let code = compile_ok("def f(xs):\n    return [x * y for x in xs if x for y in x]\n");
    assert_listing(
        find_code(&code, "f"),
        "LOAD_CONST <code object <listcomp>, line 2>
         MAKE_FUNCTION 0
         PUSH_NULL
         LOAD_FAST xs
         GET_ITER
         CALL 1
         RETURN_VALUE",
    );
    let comp = find_code(&code, "<listcomp>");
    assert_listing(
        comp,
        "BUILD_LIST 0
         LOAD_FAST .0
         FOR_ITER -> 14
         STORE_FAST_LOAD_FAST x, x
         POP_JUMP_IF_FALSE -> 13
         LOAD_FAST x
         GET_ITER
         FOR_ITER -> 13
         STORE_FAST_LOAD_FAST y, x
         LOAD_FAST y
         BINARY_OP *
         LIST_APPEND 3
         JUMP_BACKWARD -> 7
         JUMP_BACKWARD -> 2
         RETURN_VALUE",
    );
    assert_eq!(comp.argcount, 1);
    assert_eq!(comp.qualname, "f.<locals>.<listcomp>");
    assert_eq!(comp.stacksize, 5);
}

#[test]
fn comprehension_capturing_a_local_and_generator_expression() {
    let code = compile_ok("def f(k):\n    d = {x: k for x in 'ab'}\n    return sum(x for x in d)\n");
    assert_listing(
        find_code(&code, "f"),
        "MAKE_CELL k
         LOAD_CLOSURE k
         BUILD_TUPLE 1
         LOAD_CONST <code object <dictcomp>, line 2>
         MAKE_FUNCTION 8
         PUSH_NULL
         LOAD_CONST 'ab'
         GET_ITER
         CALL 1
         STORE_FAST d
         LOAD_GLOBAL sum + NULL
         LOAD_CONST <code object <genexpr>, line 3>
         MAKE_FUNCTION 0
         PUSH_NULL
         LOAD_FAST d
         GET_ITER
         CALL 1
         CALL 1
         RETURN_VALUE",
    );
    assert_listing(
        find_code(&code, "<dictcomp>"),
        "COPY_FREE_VARS 1
         BUILD_MAP 0
         LOAD_FAST .0
         FOR_ITER -> 8
         STORE_FAST_LOAD_FAST x, x
         LOAD_DEREF k
         MAP_ADD 2
         JUMP_BACKWARD -> 3
         RETURN_VALUE",
    );
    let genexpr = find_code(&code, "<genexpr>");
    assert_listing(
        genexpr,
        "RETURN_GENERATOR
         POP_TOP
         LOAD_FAST .0
         FOR_ITER -> 8
         STORE_FAST_LOAD_FAST x, x
         YIELD_VALUE 0
         POP_TOP
         JUMP_BACKWARD -> 3
         RETURN_CONST None",
    );
    assert_eq!(genexpr.flags & flags::GENERATOR, flags::GENERATOR);
}

#[test]
fn class_with_super_gets_the_class_cell() {
    let code = compile_ok("class C(Base):\n    x = 1\n    def m(self):\n        return super().m() + __class__.x\n");
    assert_listing(
        &code,
        "LOAD_BUILD_CLASS
         PUSH_NULL
         LOAD_CONST <code object C, line 1>
         MAKE_FUNCTION 0
         LOAD_CONST 'C'
         LOAD_NAME Base
         CALL 3
         STORE_NAME C
         RETURN_CONST None",
    );
    let class = find_code(&code, "C");
    assert_listing(
        class,
        "MAKE_CELL __class__
         LOAD_NAME __name__
         STORE_NAME __module__
         LOAD_CONST 'C'
         STORE_NAME __qualname__
         LOAD_CONST 1
         STORE_NAME x
         LOAD_CLOSURE __class__
         BUILD_TUPLE 1
         LOAD_CONST <code object m, line 3>
         MAKE_FUNCTION 8
         STORE_NAME m
         LOAD_CLOSURE __class__
         COPY 1
         STORE_NAME __classcell__
         RETURN_VALUE",
    );
    assert_eq!(class.flags, 0);
    let method = find_code(&code, "m");
    assert_listing(
        method,
        "COPY_FREE_VARS 1
         LOAD_GLOBAL super + NULL
         CALL 0
         LOAD_ATTR m + NULL|self
         CALL 0
         LOAD_DEREF __class__
         LOAD_ATTR x
         BINARY_OP +
         RETURN_VALUE",
    );
    assert_eq!(method.qualname, "C.m");
}

#[test]
fn class_without_super_returns_none() {
    let code = compile_ok("@deco\nclass D:\n    pass\n");
    assert_listing(
        find_code(&code, "D"),
        "LOAD_NAME __name__
         STORE_NAME __module__
         LOAD_CONST 'D'
         STORE_NAME __qualname__
         RETURN_CONST None",
    );
    assert_listing(
        &code,
        "LOAD_NAME deco
         PUSH_NULL
         LOAD_BUILD_CLASS
         PUSH_NULL
         LOAD_CONST <code object D, line 1>
         MAKE_FUNCTION 0
         LOAD_CONST 'D'
         CALL 2
         CALL 1
         STORE_NAME D
         RETURN_CONST None",
    );
}

#[test]
fn chained_comparison_as_value_and_as_condition() {
    let code = compile_ok("def f(a, b, c):\n    if a < b < c:\n        return 1\n    return a < b < c\n");
    assert_listing(
        find_code(&code, "f"),
        "LOAD_FAST_LOAD_FAST a, b
         SWAP 2
         COPY 2
         COMPARE_OP <
         POP_JUMP_IF_FALSE -> 9
         LOAD_FAST c
         COMPARE_OP <
         POP_JUMP_IF_FALSE -> 12
         JUMP_FORWARD -> 11
         POP_TOP
         JUMP_FORWARD -> 12
         RETURN_CONST 1
         LOAD_FAST_LOAD_FAST a, b
         SWAP 2
         COPY 2
         COMPARE_OP <
         JUMP_IF_FALSE_OR_POP -> 20
         LOAD_FAST c
         COMPARE_OP <
         JUMP_FORWARD -> 22
         SWAP 2
         POP_TOP
         RETURN_VALUE",
    );
}

#[test]
fn augmented_assignment_to_subscript_attribute_and_name() {
    let code = compile_ok("d[k] += v\no.a *= 2\nn -= 1\n");
    assert_listing(
        &code,
        "LOAD_NAME d
         LOAD_NAME k
         COPY 2
         COPY 2
         BINARY_SUBSCR
         LOAD_NAME v
         BINARY_OP +=
         SWAP 3
         SWAP 2
         STORE_SUBSCR
         LOAD_NAME o
         COPY 1
         LOAD_ATTR a
         LOAD_CONST 2
         BINARY_OP *=
         SWAP 2
         STORE_ATTR a
         LOAD_NAME n
         LOAD_CONST 1
         BINARY_OP -=
         STORE_NAME n
         RETURN_CONST None",
    );
    assert_eq!(code.stacksize, 4);
}

#[test]
fn starred_and_nested_unpacking() {
    let code = compile_ok("a, *rest, (b, c) = seq\nx = y = [1, 2, 3]\n");
    assert_listing(
        &code,
        "LOAD_NAME seq
         UNPACK_EX 257
         STORE_NAME a
         STORE_NAME rest
         UNPACK_SEQUENCE 2
         STORE_NAME b
         STORE_NAME c
         BUILD_LIST 0
         LOAD_CONST (1, 2, 3)
         LIST_EXTEND 1
         COPY 1
         STORE_NAME x
         STORE_NAME y
         RETURN_CONST None",
    );
}

#[test]
fn swap_assignment_needs_no_tuple() {
    let code = compile_ok("a, b = b, a\na, b, c = c, b, a\n");
    assert_listing(
        &code,
        "LOAD_NAME b
         LOAD_NAME a
         SWAP 2
         STORE_NAME a
         STORE_NAME b
         LOAD_NAME c
         LOAD_NAME b
         LOAD_NAME a
         SWAP 3
         STORE_NAME a
         STORE_NAME b
         STORE_NAME c
         RETURN_CONST None",
    );
}

#[test]
fn calls_with_star_and_double_star_arguments() {
    let code = compile_ok("f(1, *args, key=2, **opts)\nf(**a, b=1, **c)\n");
    assert_listing(
        &code,
        "LOAD_NAME f
         PUSH_NULL
         LOAD_CONST 1
         BUILD_LIST 1
         LOAD_NAME args
         LIST_EXTEND 1
         LIST_TO_TUPLE
         LOAD_CONST 'key'
         LOAD_CONST 2
         BUILD_MAP 1
         LOAD_NAME opts
         DICT_MERGE 1
         CALL_FUNCTION_EX 1
         POP_TOP
         LOAD_NAME f
         PUSH_NULL
         LOAD_CONST ()
         BUILD_MAP 0
         LOAD_NAME a
         DICT_MERGE 1
         LOAD_CONST 'b'
         LOAD_CONST 1
         BUILD_MAP 1
         DICT_MERGE 1
         LOAD_NAME c
         DICT_MERGE 1
         CALL_FUNCTION_EX 1
         POP_TOP
         RETURN_CONST None",
    );
    assert_eq!(code.stacksize, 6);
}

#[test]
fn method_call_with_star_args_is_not_a_method_load() {
    let code = compile_ok("o.m(*a)\n");
    assert_listing(
        &code,
        "LOAD_NAME o
         LOAD_ATTR m
         PUSH_NULL
         BUILD_LIST 0
         LOAD_NAME a
         LIST_EXTEND 1
         LIST_TO_TUPLE
         CALL_FUNCTION_EX 0
         POP_TOP
         RETURN_CONST None",
    );
}

#[test]
fn decorated_function_with_all_kinds_of_parameters() {
    let code = compile_ok("@dec\n@dec2(1)\ndef f(a, b=1, /, *args, c, d=2, **kw):\n    pass\n");
    assert_listing(
        &code,
        "LOAD_NAME dec
         PUSH_NULL
         LOAD_NAME dec2
         PUSH_NULL
         LOAD_CONST 1
         CALL 1
         PUSH_NULL
         LOAD_CONST (1,)
         LOAD_CONST 'd'
         LOAD_CONST 2
         BUILD_MAP 1
         LOAD_CONST <code object f, line 1>
         MAKE_FUNCTION 3
         CALL 1
         CALL 1
         STORE_NAME f
         RETURN_CONST None",
    );
    let f = find_code(&code, "f");
    assert_eq!(f.varnames, ["a", "b", "c", "d", "args", "kw"]);
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 2, 2));
    assert_eq!(f.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::VARARGS | flags::VARKEYWORDS);
    assert_eq!(f.firstlineno, 1);
}

#[test]
fn lambda_with_keyword_only_default() {
    let code = compile_ok("g = lambda a, *, k=3: (a, k)\n");
    assert_listing(
        &code,
        "LOAD_CONST 'k'
         LOAD_CONST 3
         BUILD_MAP 1
         LOAD_CONST <code object <lambda>, line 1>
         MAKE_FUNCTION 2
         STORE_NAME g
         RETURN_CONST None",
    );
    assert_listing(
        find_code(&code, "<lambda>"),
        "LOAD_FAST_LOAD_FAST a, k
         BUILD_TUPLE 2
         RETURN_VALUE",
    );
}

#[test]
fn generator_function() {
    let code = compile_ok("def gen():\n    x = yield 1\n    yield\n    return x\n");
    let gen = find_code(&code, "gen");
    assert_listing(
        gen,
        "RETURN_GENERATOR
         POP_TOP
         LOAD_CONST 1
         YIELD_VALUE 0
         STORE_FAST x
         LOAD_CONST None
         YIELD_VALUE 0
         POP_TOP
         LOAD_FAST x
         RETURN_VALUE",
    );
    assert_eq!(gen.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::GENERATOR);
    // The value sent on resumption counts: RETURN_GENERATOR leaves one value to pop.
    assert_eq!(gen.stacksize, 1);
}

#[test]
fn fstrings_format_each_field() {
    let code = compile_ok("s = f\"{a}{b!s:{w}.{p}} {c=} {d=:>4}\"\n");
    assert_listing(
        &code,
        "LOAD_NAME a
         FORMAT_VALUE 0
         LOAD_NAME b
         LOAD_NAME w
         FORMAT_VALUE 0
         LOAD_CONST '.'
         LOAD_NAME p
         FORMAT_VALUE 0
         BUILD_STRING 3
         FORMAT_VALUE 5
         LOAD_CONST ' c='
         LOAD_NAME c
         FORMAT_VALUE 2
         LOAD_CONST ' d='
         LOAD_NAME d
         LOAD_CONST '>4'
         FORMAT_VALUE 4
         BUILD_STRING 6
         STORE_NAME s
         RETURN_CONST None",
    );
    assert_eq!(code.stacksize, 7);
    assert_listing(&compile_ok("t = f'{x!a}'\n"), "LOAD_NAME x\nFORMAT_VALUE 3\nSTORE_NAME t\nRETURN_CONST None");
    assert_listing(&compile_ok("t = f'a' 'b'\n"), "LOAD_CONST 'ab'\nSTORE_NAME t\nRETURN_CONST None");
}

#[test]
fn constants_are_folded() {
    let code = compile_ok(
        "x = (-1, +2.5, -0.0, 2**70, 0xFFFF_FFFF_FFFF_FFFF_F, 'a' 'b', -9223372036854775808, (1, (2, 3)), ...)\n",
    );
    let expected = [
        "LOAD_CONST -1",
        "LOAD_CONST 2.5",
        "LOAD_CONST -0.0",
        "LOAD_CONST 2",
        "LOAD_CONST 70",
        "BINARY_OP **",
        "LOAD_CONST 295147905179352825855",
        "LOAD_CONST 'ab'",
        "LOAD_CONST -9223372036854775808",
        "LOAD_CONST (1, (2, 3))",
        "LOAD_CONST Ellipsis",
        "BUILD_TUPLE 9",
    ];
    assert_eq!(super::listing(&code)[..expected.len()], expected);
    assert!(code.consts.contains(&Const::BigInt("295147905179352825855".into())));
    assert!(code.consts.contains(&Const::Int(i64::MIN)));
    let tuple = compile_ok("t = (1, -2, ('x', None))\nu = 99999999999999999999 + -99999999999999999999\n");
    assert_listing(
        &tuple,
        "LOAD_CONST (1, -2, ('x', None))
         STORE_NAME t
         LOAD_CONST 99999999999999999999
         LOAD_CONST -99999999999999999999
         BINARY_OP +
         STORE_NAME u
         RETURN_CONST None",
    );
}

#[test]
fn equal_constants_are_shared() {
    let code = compile_ok("a = 1\nb = 1\nc = 1.0\nd = True\ne = 'x'\nf = 'x'\n");
    let ones = code.consts.iter().filter(|c| matches!(c, Const::Int(1))).count();
    assert_eq!(ones, 1);
    // 1, 1.0 and True are different constants.
    assert!(code.consts.contains(&Const::Float(1.0)));
    assert!(code.consts.contains(&Const::Bool(true)));
}

#[test]
fn docstrings_become_doc_and_constant_statements_compile_to_nothing() {
    let code = compile_ok("'''doc'''\n...\n42\ndef f():\n    'fdoc'\n    return 1\n");
    assert_listing(
        &code,
        "LOAD_CONST 'doc'
         STORE_NAME __doc__
         LOAD_CONST <code object f, line 4>
         MAKE_FUNCTION 0
         STORE_NAME f
         RETURN_CONST None",
    );
    let f = find_code(&code, "f");
    assert_listing(f, "RETURN_CONST 1");
    assert_eq!(f.doc.as_deref(), Some("fdoc"));
}

#[test]
fn conditions_compile_to_jumps() {
    let code = compile_ok("if x is None:\n    y = 1\nif x is not None and not (a or b):\n    y = 2\n");
    assert_listing(
        &code,
        "LOAD_NAME x
         POP_JUMP_IF_NOT_NONE -> 4
         LOAD_CONST 1
         STORE_NAME y
         LOAD_NAME x
         POP_JUMP_IF_NONE -> 12
         LOAD_NAME a
         POP_JUMP_IF_TRUE -> 12
         LOAD_NAME b
         POP_JUMP_IF_TRUE -> 12
         LOAD_CONST 2
         STORE_NAME y
         RETURN_CONST None",
    );
}

#[test]
fn boolean_operators_as_values() {
    let code = compile_ok("x = a and b or c\ny = not a\nz = a if b else c\n");
    assert_listing(
        &code,
        "LOAD_NAME a
         JUMP_IF_FALSE_OR_POP -> 3
         LOAD_NAME b
         JUMP_IF_TRUE_OR_POP -> 5
         LOAD_NAME c
         STORE_NAME x
         LOAD_NAME a
         UNARY_NOT
         STORE_NAME y
         LOAD_NAME b
         POP_JUMP_IF_FALSE -> 13
         LOAD_NAME a
         JUMP_FORWARD -> 14
         LOAD_NAME c
         STORE_NAME z
         RETURN_CONST None",
    );
}

#[test]
fn assert_raise_del_and_walrus() {
    let code = compile_ok("assert a, 'msg'\ndel a, b[0], c.d\nif (n := len(s)) > 3:\n    raise E('x') from None\n");
    assert_listing(
        &code,
        "LOAD_NAME a
         POP_JUMP_IF_TRUE -> 7
         LOAD_ASSERTION_ERROR
         PUSH_NULL
         LOAD_CONST 'msg'
         CALL 1
         RAISE_VARARGS 1
         DELETE_NAME a
         LOAD_NAME b
         LOAD_CONST 0
         DELETE_SUBSCR
         LOAD_NAME c
         DELETE_ATTR d
         LOAD_NAME len
         PUSH_NULL
         LOAD_NAME s
         CALL 1
         COPY 1
         STORE_NAME n
         LOAD_CONST 3
         COMPARE_OP >
         POP_JUMP_IF_FALSE -> 28
         LOAD_NAME E
         PUSH_NULL
         LOAD_CONST 'x'
         CALL 1
         LOAD_CONST None
         RAISE_VARARGS 2
         RETURN_CONST None",
    );
}

#[test]
fn slices_and_subscripts() {
    let code = compile_ok("s = x[1:2], x[::2], x[a:]\nx[i, j:] = v\n");
    assert_listing(
        &code,
        "LOAD_NAME x
         LOAD_CONST 1
         LOAD_CONST 2
         BUILD_SLICE 2
         BINARY_SUBSCR
         LOAD_NAME x
         LOAD_CONST None
         LOAD_CONST None
         LOAD_CONST 2
         BUILD_SLICE 3
         BINARY_SUBSCR
         LOAD_NAME x
         LOAD_NAME a
         LOAD_CONST None
         BUILD_SLICE 2
         BINARY_SUBSCR
         BUILD_TUPLE 3
         STORE_NAME s
         LOAD_NAME v
         LOAD_NAME x
         LOAD_NAME i
         LOAD_NAME j
         LOAD_CONST None
         BUILD_SLICE 2
         BUILD_TUPLE 2
         STORE_SUBSCR
         RETURN_CONST None",
    );
}

#[test]
fn displays_with_unpacking() {
    let code = compile_ok("t = {**m, 'a': 1}\nu = {1, 2, 3}\nv = [*a, 1]\nw = (*a, b)\n");
    assert_listing(
        &code,
        "BUILD_MAP 0
         LOAD_NAME m
         DICT_UPDATE 1
         LOAD_CONST 'a'
         LOAD_CONST 1
         BUILD_MAP 1
         DICT_UPDATE 1
         STORE_NAME t
         BUILD_SET 0
         LOAD_CONST frozenset({1, 2, 3})
         SET_UPDATE 1
         STORE_NAME u
         BUILD_LIST 0
         LOAD_NAME a
         LIST_EXTEND 1
         LOAD_CONST 1
         LIST_APPEND 1
         STORE_NAME v
         BUILD_LIST 0
         LOAD_NAME a
         LIST_EXTEND 1
         LOAD_NAME b
         LIST_APPEND 1
         LIST_TO_TUPLE
         STORE_NAME w
         RETURN_CONST None",
    );
}

#[test]
fn imports() {
    let code = compile_ok(
        "import m\nimport a.b\nimport a.b.c as d\nfrom x import y as z, w\nfrom __future__ import annotations\n",
    );
    assert_listing(
        &code,
        "LOAD_CONST 0
         LOAD_CONST None
         IMPORT_NAME m
         STORE_NAME m
         LOAD_CONST 0
         LOAD_CONST None
         IMPORT_NAME a.b
         STORE_NAME a
         LOAD_CONST 0
         LOAD_CONST None
         IMPORT_NAME a.b.c
         IMPORT_FROM b
         SWAP 2
         POP_TOP
         IMPORT_FROM c
         STORE_NAME d
         POP_TOP
         LOAD_CONST 0
         LOAD_CONST ('y', 'w')
         IMPORT_NAME x
         IMPORT_FROM y
         STORE_NAME z
         IMPORT_FROM w
         STORE_NAME w
         POP_TOP
         RETURN_CONST None",
    );
}

#[test]
fn lines_follow_the_source() {
    let code = compile_ok("x = 1\nif x:\n    y = f(\n        x,\n    )\n");
    assert_eq!(code.lines, [1, 1, 2, 2, 3, 3, 4, 3, 3, 3]);
}

#[test]
fn stack_sizes() {
    let cases: &[(&str, u32)] = &[
        ("pass\n", 0),
        ("x = 1\n", 1),
        ("f(a, b)\n", 4),
        ("x = [1, 2]\n", 2),
        ("x = (a, (b, c))\n", 3),
        ("for i in x:\n    for j in y:\n        pass\n", 3),
        ("try:\n    pass\nexcept E:\n    pass\n", 0),
        ("try:\n    f()\nexcept E as e:\n    g(e)\n", 4),
        ("x = {a: b, c: d}\n", 4),
    ];
    for &(source, expected) in cases {
        assert_eq!(compile_ok(source).stacksize, expected, "stacksize of {source:?}");
    }
}

#[test]
fn calls_with_many_arguments_build_a_tuple() {
    let args: Vec<String> = (0..31).map(|i| format!("a{i}")).collect();
    let code = compile_ok(&format!("f({})\n", args.join(", ")));
    let listing = super::listing(&code);
    assert_eq!(listing[..3], ["LOAD_NAME f", "PUSH_NULL", "BUILD_LIST 0"]);
    assert_eq!(listing.iter().filter(|line| *line == "LIST_APPEND 1").count(), 31);
    assert_eq!(listing[listing.len() - 4..], ["LIST_TO_TUPLE", "CALL_FUNCTION_EX 0", "POP_TOP", "RETURN_CONST None"]);
    assert_eq!(code.stacksize, 4);
}

#[test]
fn long_fstrings_are_joined() {
    let fields: String = (0..20).map(|i| format!("{{a{i}}}-")).collect();
    let code = compile_ok(&format!("s = f'{fields}'\n"));
    let listing = super::listing(&code);
    assert_eq!(listing[..3], ["LOAD_CONST ''", "LOAD_ATTR join + NULL|self", "BUILD_LIST 0"]);
    assert_eq!(listing.iter().filter(|line| *line == "LIST_APPEND 1").count(), 40);
    assert_eq!(listing[listing.len() - 3..], ["CALL 1", "STORE_NAME s", "RETURN_CONST None"]);
}
