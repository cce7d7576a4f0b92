//! API hygiene: the public types can cross threads and unwind boundaries.

use std::panic::{RefUnwindSafe, UnwindSafe};

fn assert_traits<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

#[test]
fn public_types_are_send_sync_unwind_safe() {
    assert_traits::<cjk_reflow::Reflower>();
    assert_traits::<cjk_reflow::Options>();
    assert_traits::<cjk_reflow::Paragraph<'static>>();
    assert_traits::<cjk_reflow::Paragraphs<'static, 'static>>();
    assert_traits::<cjk_reflow::BreakPoint>();
    assert_traits::<cjk_reflow::Action>();
    assert_traits::<cjk_reflow::Reason>();
    assert_traits::<cjk_reflow::ParagraphKind>();
    // io::Error is Send + Sync but not unwind-safe, and neither is ours.
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<cjk_reflow::Error>();
}

#[test]
fn errors_render_lowercase_messages_with_their_values() {
    let e = cjk_reflow::reflow_bytes(b"\xff").unwrap_err();
    assert_eq!(e.to_string(), "invalid UTF-8 at byte offset 0");
}
