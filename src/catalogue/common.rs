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

    // ── a star level's name when the standard gives none ──
    NO_STAR: "无星级", "no star";
    ONE_STAR: "一星级", "one star";
    TWO_STARS: "二星级", "two stars";
    THREE_STARS: "三星级", "three stars";
    FOUR_STARS: "四星级", "four stars";
    FIVE_STARS: "五星级", "five stars";
}
