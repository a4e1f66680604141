//! The catalogue's words that several surfaces say alike (see [`super`]).

super::messages! {}
