//! Reading typed values out of cell text: numbers with full-width digits,
//! thousands separators, a trailing unit or %; yes/no words; option labels.
//! Nothing here guesses: text that could be read two ways is refused.

use super::layout::{fold_width, normalize};

/// A number read from text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextNumber {
    pub value: f64,
    /// The text ended in `%`.
    pub percent: bool,
    /// A unit written after the number (not `%`), trimmed.
    pub unit: Option<String>,
}

/// Why text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    /// Commas that are not thousands separators (`0,85`, `1,2345`).
    AmbiguousComma,
}

/// Parse `1,234.5`, `１２３４`, `85%`, `1234 个`, `-3`, `1 234`.
pub fn parse_number(text: &str) -> Result<TextNumber, NumberError> {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '。' => '.',
            '﹪' => '%',
            '\u{00A0}' | '\u{202F}' | '\u{2009}' => ' ',
            c => fold_width(c),
        })
        .collect();
    let s = folded.trim();
    let bytes: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut num = String::new();
    if i < bytes.len() && (bytes[i] == '-' || bytes[i] == '+') {
        num.push(bytes[i]);
        i += 1;
    }
    let mut digits = String::new();
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() || c == ',' || c == '.' {
            digits.push(c);
            i += 1;
        } else if c == ' '
            && i + 1 < bytes.len()
            && bytes[i + 1].is_ascii_digit()
            && !digits.is_empty()
        {
            // `1 234`: a space between digit groups
            i += 1;
        } else {
            break;
        }
    }
    if !digits.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    if digits.contains(',') {
        let (int, frac) = match digits.split_once('.') {
            Some((a, b)) => (a, Some(b)),
            None => (digits.as_str(), None),
        };
        let groups: Vec<&str> = int.split(',').collect();
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3)
            && frac.is_none_or(|f| !f.contains(','));
        if !ok {
            return Err(NumberError::AmbiguousComma);
        }
        digits = digits.replace(',', "");
    }
    if digits.matches('.').count() > 1 || digits.starts_with('.') && digits.len() == 1 {
        return Err(NumberError::NotANumber);
    }
    num.push_str(&digits);
    let value: f64 = num.parse().map_err(|_| NumberError::NotANumber)?;
    let rest = s[s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)..].trim();
    let (percent, unit) = if rest == "%" {
        (true, None)
    } else if rest.is_empty() {
        (false, None)
    } else if rest.chars().any(|c| c.is_ascii_digit()) {
        // `12 or 13`, `2024-01-01`: more numbers after the first
        return Err(NumberError::NotANumber);
    } else {
        (false, Some(rest.to_string()))
    };
    if !value.is_finite() {
        return Err(NumberError::NotANumber);
    }
    Ok(TextNumber {
        value,
        percent,
        unit,
    })
}

/// 是/否, 有/无, 已建成/未建成, Y/N, yes/no, TRUE/FALSE, 1/0 as text is not accepted.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    const YES: &[&str] = &[
        "是",
        "有",
        "已建成",
        "建成",
        "已建",
        "已开展",
        "已实现",
        "已完成",
        "y",
        "yes",
        "true",
        "√",
        "✓",
    ];
    const NO: &[&str] = &[
        "否",
        "无",
        "没有",
        "未建成",
        "未建",
        "未开展",
        "未实现",
        "未完成",
        "n",
        "no",
        "false",
        "×",
        "✗",
    ];
    let t = normalize(text);
    if YES.contains(&t.as_str()) {
        Some(true)
    } else if NO.contains(&t.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// The index of the option whose zh or en label the text is, exactly: only
/// whitespace and full-/half-width forms may differ (an option is never
/// matched by a fragment, a prefix or another case).
pub fn parse_option(text: &str, options: &[crate::standard::GradeOption]) -> Option<usize> {
    options.iter().position(|o| {
        option_key(&o.zh).eq(option_key(text)) || option_key(&o.en).eq(option_key(text))
    })
}

/// An option label without whitespace, full-width ASCII folded to half width
/// (compared character by character, nothing allocated).
fn option_key(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(fold_width).filter(|c| !c.is_whitespace())
}

/// Whether a unit written after a number agrees with the item's unit.
pub fn unit_agrees(written: &str, expected: &str) -> bool {
    let w = normalize(written);
    let e = normalize(expected);
    !e.is_empty() && (w == e || e.split('/').next() == Some(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> f64 {
        parse_number(s).unwrap().value
    }

    #[test]
    fn numbers_in_their_many_forms() {
        assert_eq!(n("1234"), 1234.0);
        assert_eq!(n("1,234.5"), 1234.5);
        assert_eq!(n("１２３４"), 1234.0);
        assert_eq!(n("１，２３４．５"), 1234.5);
        assert_eq!(n(" 1 234 "), 1234.0);
        assert_eq!(n("-3"), -3.0);
        let p = parse_number("85%").unwrap();
        assert!(p.percent && p.value == 85.0);
        let p = parse_number("８５％").unwrap();
        assert!(p.percent && p.value == 85.0);
        let u = parse_number("120 个").unwrap();
        assert_eq!(u.unit.as_deref(), Some("个"));
        assert_eq!(parse_number("0,85"), Err(NumberError::AmbiguousComma));
        assert_eq!(parse_number("约三千"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("见附件"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("2024-01-01"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("."), Err(NumberError::NotANumber));
    }

    #[test]
    fn yes_no_words() {
        for y in ["是", "有", "已建成", "Y", "yes", "TRUE", "ｙ"] {
            assert_eq!(parse_yes_no(y), Some(true), "{y}");
        }
        for n in ["否", "无", "未建成", "N", "no", "FALSE"] {
            assert_eq!(parse_yes_no(n), Some(false), "{n}");
        }
        assert_eq!(parse_yes_no("也许"), None);
        assert_eq!(parse_yes_no("1"), None);
    }

    #[test]
    fn options_match_exactly_but_for_whitespace_and_width() {
        let o = |zh: &str, en: &str| crate::standard::GradeOption {
            zh: zh.into(),
            en: en.into(),
            stars: 0,
        };
        let options = [
            o("网站和移动端发布，支持下载", "Web and mobile, downloadable"),
            o("网站和移动端发布", "Web and mobile"),
        ];
        assert_eq!(
            parse_option("网站和移动端发布，支持下载", &options),
            Some(0)
        );
        assert_eq!(
            parse_option(" 网站和移动端发布,支持下载 ", &options),
            Some(0)
        );
        assert_eq!(parse_option("网站和移动端发布", &options), Some(1));
        assert_eq!(parse_option("Ｗｅｂ and mobile", &options), Some(1));
        assert_eq!(parse_option("web and mobile", &options), None);
        assert_eq!(parse_option("支持下载", &options), None);
    }

    #[test]
    fn units() {
        assert!(unit_agrees("个", "个"));
        assert!(unit_agrees("万元", "万元"));
        assert!(!unit_agrees("万个", "个"));
    }
}
