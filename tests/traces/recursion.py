# A recursive function: a function trace from its entry, whose recursive calls push a frame and
# jump back to the trace's start. After each call comes a continuation (where the callee's
# return continues in the caller), and each return ends with a dispatch: _IF_CALLER_AT exits are
# linked to the continuations, any other caller resumes in the interpreter. The base case grows a
# side trace that returns the same way.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(22))
