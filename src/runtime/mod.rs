//! The runtime: values, heap objects and the collector, and the built-in types, functions and
//! modules that give Python values their behaviour.

pub mod attr;
pub mod bigrange;
pub mod builtins;
pub mod containers;
pub mod descriptors;
pub mod dict;
pub mod dict_methods;
pub mod dictops;
pub mod dunders;
pub mod format;
pub mod heap;
pub mod int;
pub mod interner;
pub mod iter;
pub mod list_methods;
pub mod matching;
pub mod modules;
pub mod num_methods;
pub mod object;
pub mod opframes;
pub mod ops;
pub mod osmod;
pub mod random;
pub mod repr;
pub mod set;
pub mod set_methods;
pub mod setops;
pub mod shape;
pub mod slots;
pub mod stdlib;
pub mod str_methods;
pub mod strings;
pub mod textio;
pub mod types;
pub mod value;
