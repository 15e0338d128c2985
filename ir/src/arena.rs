//! Arenas with typed `u32` handles, and source spans.
//!
//! Every IR node lives in an arena owned by its function or module and is addressed by a
//! [`Handle`]: a `u32` index that carries its element type, so an expression handle can never be
//! used where a local handle is expected. Each arena keeps a [`Span`] per element in a parallel
//! vector, so diagnostics and tracebacks can always name a source location.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

/// A location in a source file: byte offsets `start..end` into file number `file` of
/// [`crate::Module::files`]. [`Span::UNDEFINED`] marks nodes the compiler made up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: u32,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const UNDEFINED: Span = Span { file: u32::MAX, start: 0, end: 0 };

    pub fn new(file: u32, start: u32, end: u32) -> Span {
        Span { file, start, end }
    }

    pub fn is_defined(&self) -> bool {
        self.file != u32::MAX
    }
}

/// A typed index into an [`Arena<T>`].
pub struct Handle<T> {
    index: u32,
    marker: PhantomData<fn() -> T>,
}

impl<T> Handle<T> {
    pub const fn from_index(index: usize) -> Self {
        Handle { index: index as u32, marker: PhantomData }
    }

    pub const fn index(self) -> usize {
        self.index as usize
    }
}

impl<T> Clone for Handle<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Handle<T> {}
impl<T> PartialEq for Handle<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}
impl<T> Eq for Handle<T> {}
impl<T> PartialOrd for Handle<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Handle<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.index.cmp(&other.index)
    }
}
impl<T> Hash for Handle<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.index.hash(state)
    }
}
impl<T> fmt::Debug for Handle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.index)
    }
}

/// A contiguous run of handles `start..end`, as used by [`crate::Statement::Emit`].
pub struct Range<T> {
    pub start: Handle<T>,
    pub end: Handle<T>,
}

impl<T> Range<T> {
    pub fn new(start: Handle<T>, end: Handle<T>) -> Self {
        Range { start, end }
    }
    pub fn iter(&self) -> impl Iterator<Item = Handle<T>> {
        (self.start.index()..self.end.index()).map(Handle::from_index)
    }
    pub fn len(&self) -> usize {
        self.end.index().saturating_sub(self.start.index())
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
impl<T> Clone for Range<T> {
    fn clone(&self) -> Self {
        Range { start: self.start, end: self.end }
    }
}
impl<T> fmt::Debug for Range<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}..{}]", self.start.index, self.end.index)
    }
}

/// An append-only vector of `T` addressed by `Handle<T>`, with a span per element.
pub struct Arena<T> {
    data: Vec<T>,
    spans: Vec<Span>,
}

impl<T> Default for Arena<T> {
    fn default() -> Self {
        Arena { data: Vec::new(), spans: Vec::new() }
    }
}

impl<T: fmt::Debug> fmt::Debug for Arena<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<T> Arena<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn append(&mut self, value: T, span: Span) -> Handle<T> {
        let handle = Handle::from_index(self.data.len());
        self.data.push(value);
        self.spans.push(span);
        handle
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The handle the next `append` will return.
    pub fn next_handle(&self) -> Handle<T> {
        Handle::from_index(self.data.len())
    }

    pub fn get(&self, handle: Handle<T>) -> Option<&T> {
        self.data.get(handle.index())
    }

    pub fn span(&self, handle: Handle<T>) -> Span {
        self.spans.get(handle.index()).copied().unwrap_or(Span::UNDEFINED)
    }

    pub fn contains(&self, handle: Handle<T>) -> bool {
        handle.index() < self.data.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Handle<T>, &T)> {
        self.data.iter().enumerate().map(|(i, v)| (Handle::from_index(i), v))
    }
}

impl<T> std::ops::Index<Handle<T>> for Arena<T> {
    type Output = T;
    fn index(&self, handle: Handle<T>) -> &T {
        &self.data[handle.index()]
    }
}

impl<T> std::ops::IndexMut<Handle<T>> for Arena<T> {
    fn index_mut(&mut self, handle: Handle<T>) -> &mut T {
        &mut self.data[handle.index()]
    }
}

/// An arena that stores each distinct value once (used for types, so handle equality is type
/// equality).
pub struct UniqueArena<T> {
    arena: Arena<T>,
    lookup: std::collections::HashMap<T, Handle<T>>,
}

impl<T> Default for UniqueArena<T> {
    fn default() -> Self {
        UniqueArena { arena: Arena::default(), lookup: Default::default() }
    }
}

impl<T: Eq + Hash + Clone> UniqueArena<T> {
    pub fn insert(&mut self, value: T) -> Handle<T> {
        if let Some(&h) = self.lookup.get(&value) {
            return h;
        }
        let h = self.arena.append(value.clone(), Span::UNDEFINED);
        self.lookup.insert(value, h);
        h
    }

    /// The handle of `value` if it was inserted before.
    pub fn get_handle(&self, value: &T) -> Option<Handle<T>> {
        self.lookup.get(value).copied()
    }

    pub fn len(&self) -> usize {
        self.arena.len()
    }

    pub fn is_empty(&self) -> bool {
        self.arena.is_empty()
    }

    pub fn contains(&self, handle: Handle<T>) -> bool {
        self.arena.contains(handle)
    }

    pub fn iter(&self) -> impl Iterator<Item = (Handle<T>, &T)> {
        self.arena.iter()
    }
}

impl<T> std::ops::Index<Handle<T>> for UniqueArena<T> {
    type Output = T;
    fn index(&self, handle: Handle<T>) -> &T {
        &self.arena[handle]
    }
}
