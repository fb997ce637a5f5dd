//! The bundled standard library: modules written in Python, compiled on first import.
//!
//! Much of the standard library small programs use (`bisect`, `heapq`, `itertools`,
//! `functools`, `collections`, ...) is simplest to write in Python itself, as PyPy does; the
//! sources live beside this file and are built into the binary with `include_str!`, so a
//! `stitch` executable needs no files next to it. An import looks at the built-in native modules
//! first, then at a `.py` file beside the script (as CPython's `sys.path[0]` comes first), then
//! here. Tracebacks name these files `<stdlib>/NAME.py`.

/// `(module name, Python source)` of every bundled module.
const MODULES: &[(&str, &str)] = &[
    ("abc", include_str!("abc.py")),
    ("bisect", include_str!("bisect.py")),
    ("collections", include_str!("collections.py")),
    ("collections.abc", include_str!("collections_abc.py")),
    ("_collections_user", include_str!("collections_user.py")),
    ("copy", include_str!("copy.py")),
    ("dataclasses", include_str!("dataclasses.py")),
    ("enum", include_str!("enum.py")),
    ("fractions", include_str!("fractions.py")),
    ("functools", include_str!("functools.py")),
    ("heapq", include_str!("heapq.py")),
    ("itertools", include_str!("itertools.py")),
    ("json", include_str!("json.py")),
    ("operator", include_str!("operator.py")),
    ("os", include_str!("os.py")),
    ("posixpath", include_str!("posixpath.py")),
    ("statistics", include_str!("statistics.py")),
    ("string", include_str!("string.py")),
    ("textwrap", include_str!("textwrap.py")),
    ("typing", include_str!("typing.py")),
    ("warnings", include_str!("warnings.py")),
];

/// The source of the bundled module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The file name tracebacks show for the bundled module `name`.
pub fn filename(name: &str) -> String {
    format!("<stdlib>/{name}.py")
}

#[cfg(test)]
mod tests {
    /// Every bundled module compiles: a syntax error in one would otherwise surface only when a
    /// program imports it.
    #[test]
    fn every_bundled_module_compiles() {
        for (name, source) in super::MODULES {
            if let Err(e) = crate::frontend::compile(source, &super::filename(name)) {
                panic!("{name}: {e}");
            }
        }
    }
}
