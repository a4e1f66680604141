//! The catalogue's words of the template surface (see [`super`]).

super::messages! {}
