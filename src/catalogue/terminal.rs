//! The catalogue's words of the terminal surface (see [`super`]).

super::messages! {}
