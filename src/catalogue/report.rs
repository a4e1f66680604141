//! The catalogue's words of the report surface (see [`super`]).

super::messages! {}
