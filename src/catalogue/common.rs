//! The catalogue's words that several surfaces say alike (see [`super`]).

super::messages! {
    // ── words of several surfaces ──
    /// A benchmark value computed from published figures.
    DERIVED: "推算", "derived";
    /// The weight of the bonus area, which has no weight.
    WEIGHT_BONUS: "加分项", "bonus";
    /// Between the items of a list in a line.
    LIST_SEPARATOR: "；", "; ";
    /// Between names in a line.
    NAME_SEPARATOR: "、", ", ";
}
