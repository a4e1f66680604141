//! Text from a workbook made safe to show: a name may hold terminal escape
//! sequences, bidirectional overrides or HTML. JSON keeps text exact; the
//! terminal and Markdown get it escaped.

use std::borrow::Cow;

/// Characters that change how a terminal or an editor shows the text around
/// them: C0 and C1 controls (but newline and tab), and the bidi controls.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Each unsafe character as a visible `\u{1b}`.
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A Markdown table cell or inline text: unsafe characters made visible,
/// HTML, table and link syntax escaped, line breaks turned into spaces.
pub fn markdown(s: &str) -> String {
    let s = terminal(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '`' => out.push_str("\\`"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text for an HTML element or a quoted attribute value: unsafe characters
/// made visible, `& < > " '` as character references.
pub fn html(s: &str) -> String {
    let s = terminal(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text inside a double-quoted CSS string (`content: "…"`): everything but
/// letters, digits, CJK and spaces as a hex escape, so no text can close the
/// string, the rule or the `<style>` element.
pub fn css_string(s: &str) -> String {
    let s = terminal(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:06x}", c as u32));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            css_string("a\"}</style>"),
            "a\\000022\\00007d\\00003c\\00002fstyle\\00003e"
        );
        assert_eq!(terminal("示例市"), "示例市");
        assert_eq!(terminal("\u{1b}[31mX"), "\\u{1b}[31mX");
        assert_eq!(terminal("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(terminal("a\nb\tc"), "a\nb\tc");
        assert_eq!(
            markdown("<img src=x onerror=alert(1)> | x"),
            "&lt;img src=x onerror=alert(1)&gt; \\| x"
        );
        assert_eq!(markdown("[a](javascript:x)"), "\\[a\\](javascript:x)");
        assert_eq!(markdown("a\\|b"), "a\\\\\\|b");
    }
}
