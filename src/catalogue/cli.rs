//! The catalogue's words of the cli surface (see [`super`]).

super::messages! {}
