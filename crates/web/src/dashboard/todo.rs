//! The « À faire » list every dashboard opens on: groups of things waiting, each linking to
//! where the work is done.

/// One thing to do.
#[derive(Debug, Clone)]
pub struct TodoItem {
    /// Where it is done.
    pub href: String,
    pub title: String,
    /// What it belongs to, when, how many.
    pub meta: String,
    /// A short status (« en retard », « 3 sur 20 »), if any: its class and text.
    pub badge: Option<(&'static str, String)>,
}

impl TodoItem {
    pub fn new(href: String, title: String, meta: String) -> Self {
        TodoItem {
            href,
            title,
            meta,
            badge: None,
        }
    }

    pub fn badge(mut self, class: &'static str, text: String) -> Self {
        self.badge = Some((class, text));
        self
    }
}

/// Things of one kind (sessions, tasks, leads…) under their heading.
#[derive(Debug, Clone)]
pub struct TodoGroup {
    /// The heading's id (for `aria-labelledby`) and text.
    pub id: &'static str,
    pub title: String,
    pub items: Vec<TodoItem>,
}

/// Adds a group if it holds anything.
pub fn push(groups: &mut Vec<TodoGroup>, id: &'static str, title: String, items: Vec<TodoItem>) {
    if !items.is_empty() {
        groups.push(TodoGroup { id, title, items });
    }
}
