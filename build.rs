//! Build script. The stencil pipeline (compiling `stencils/*.c` and extracting their machine
//! code with the `object` crate) arrives with the stencil issue; until then there is nothing
//! to build.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
}
