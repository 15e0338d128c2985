//! `s[i] == t` without making the one-character string `s[i]`.
//!
//! Indexing a str gives a str of one character, so `a[i] == b[j]` is two indexings (each with
//! its ASCII fast path: a table of shared one-character strings) and a string comparison. When
//! a character read only feeds an `==` evaluated right after it, the comparison is made on the
//! byte itself: for ASCII text, the character at `i` is the byte at `i`, and a string equals a
//! one-byte character exactly when it is one byte long and that byte is the same. Everything
//! else (non-ASCII text, indices out of range, which raise `IndexError` in order) takes the
//! general path: the runtime's `str_getitem` and string equality.
//!
//! Every string, literal or made by the runtime, has at least one byte after its header (a NUL
//! when the text is empty), so the first byte of the other operand is read unconditionally,
//! which lets LLVM hoist it (and the length) out of a loop in which that operand is invariant.

use std::collections::HashSet;

use inkwell::values::{BasicValue, BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;
use kiln_ir::{Block, Expression, Function, Handle, RuntimeFn};

use crate::function::{FunctionLowering, Header};
use crate::BackendError;

/// TBAA tag of loads of a string's text bytes (compiled code never stores into strings).
pub(crate) const TBAA_STR_BYTES: &str = "kiln str.bytes";

/// The `StrGetItem` expressions to evaluate inside the `StrEq` that uses them: each has no
/// other use, and its `StrEq` comes later in the same `Emit` with nothing in between but
/// literals, loads, parameters and other such reads (so delaying the read, and its
/// `IndexError`, past them changes nothing observable).
pub(crate) fn deferred_char_reads(func: &Function) -> HashSet<usize> {
    let n = func.expressions.len();
    let mut uses = vec![0u32; n];
    let mut user: Vec<Option<Handle<Expression>>> = vec![None; n];
    for (h, e) in func.expressions.iter() {
        e.for_each_operand(|o| {
            uses[o.index()] += 1;
            user[o.index()] = Some(h);
        });
    }
    let mut emits = Vec::new();
    count_statement_uses(&func.body, &mut uses, &mut emits);
    let is_read = |h: Handle<Expression>| matches!(func.expressions.get(h), Some(Expression::RuntimeCall { function: RuntimeFn::StrGetItem, args }) if args.len() == 2);
    let is_eq = |h: Handle<Expression>| matches!(func.expressions.get(h), Some(Expression::RuntimeCall { function: RuntimeFn::StrEq, args }) if args.len() == 2);
    let mut deferred = HashSet::new();
    for (start, end) in emits {
        for k in start..end {
            let h = Handle::<Expression>::from_index(k);
            if !is_read(h) || uses[k] != 1 {
                continue;
            }
            let Some(eq) = user[k] else { continue };
            if !is_eq(eq) || eq.index() <= k || eq.index() >= end {
                continue;
            }
            let quiet_between = (k + 1..eq.index()).all(|m| {
                let between = Handle::<Expression>::from_index(m);
                match func.expressions.get(between) {
                    Some(
                        Expression::Literal(_) | Expression::Load(_) | Expression::LoadGlobal(_) | Expression::Param(_),
                    ) => true,
                    _ => is_read(between) && uses[m] == 1 && user[m] == Some(eq),
                }
            });
            if quiet_between {
                deferred.insert(k);
            }
        }
    }
    deferred
}

/// Adds the uses by statements to `uses` and collects every `Emit` range.
fn count_statement_uses(block: &Block, uses: &mut [u32], emits: &mut Vec<(usize, usize)>) {
    for (statement, _) in block.iter() {
        if let kiln_ir::Statement::Emit(range) = statement {
            emits.push((range.start.index(), range.end.index()));
        }
        statement.for_each_operand(|o| uses[o.index()] += 1);
        statement.for_each_block(|b| count_statement_uses(b, uses, emits));
    }
}

/// One operand of a fused comparison.
enum Side<'ctx> {
    /// A string value.
    Str(PointerValue<'ctx>),
    /// A deferred `s[i]`: the expression, the string, the normalised index and whether the
    /// fast path applies (ASCII text, index in range).
    Char { read: Handle<Expression>, s: PointerValue<'ctx>, idx: IntValue<'ctx>, inside: IntValue<'ctx> },
}

impl<'ctx> FunctionLowering<'_, '_, 'ctx> {
    /// Whether `h` is a deferred character read (see [`deferred_char_reads`]).
    pub(crate) fn is_deferred_char(&self, h: Handle<Expression>) -> bool {
        self.deferred_chars.contains(&h.index())
    }

    /// `a == b` where at least one operand is a deferred `s[i]`.
    pub(crate) fn char_eq(
        &mut self,
        a: Handle<Expression>,
        b: Handle<Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let bool_t = self.cg.ctx.bool_type();
        let sides = [self.side(a)?, self.side(b)?];
        // A plain operand's length and first byte (read whatever the length: see the module
        // comment), for the byte comparison; loaded before the loop when it is invariant.
        let mut plain: Option<IntValue<'ctx>> = None;
        for (side, h) in sides.iter().zip([a, b]) {
            if let Side::Str(p) = side {
                let (len, first) = match self.preloaded_header(self.base_key(h)) {
                    Some(Header { bytes: Some(len), first: Some(first), .. }) => (len, first),
                    _ => (self.str_byte_len(*p)?, self.str_byte(*p, i64t.const_zero())?),
                };
                // Its code as a character: the byte when it is one byte long, else 256, which
                // no byte equals (invariant in a loop where the operand is).
                let one = self.b().build_int_compare(IntPredicate::EQ, len, i64t.const_int(1, false), "")?;
                let i32t = self.cg.ctx.i32_type();
                let byte = self.b().build_int_z_extend(first, i32t, "")?;
                let code = self.b().build_select(one, byte, i32t.const_int(256, false), "code")?.into_int_value();
                plain = Some(code);
            }
        }
        let fast = self.new_block("chareq.fast");
        let slow = self.new_block("chareq.slow");
        let done = self.new_block("chareq.done");
        // One test per character: its index against the string's length when the text is
        // ASCII, else 0 (invariant in a loop over one string): the shape of a bounds check,
        // which `irce` can take out of the main part of a loop.
        for side in &sides {
            let Side::Char { inside: cond, .. } = side else { continue };
            let next = self.new_block("chareq.test");
            let failed = self.b().build_not(*cond, "")?;
            self.cg.unlikely_branch(failed, slow, next)?;
            self.b().position_at_end(next);
        }
        self.b().build_unconditional_branch(fast)?;
        self.b().position_at_end(fast);
        let mut bytes = Vec::new();
        for side in &sides {
            if let Side::Char { s, idx, .. } = side {
                bytes.push(self.str_byte(*s, *idx)?);
            }
        }
        let fast_eq = match (bytes.as_slice(), plain) {
            ([x, y], _) => self.b().build_int_compare(IntPredicate::EQ, *x, *y, "")?,
            ([x], Some(code)) => {
                let x = self.b().build_int_z_extend(*x, self.cg.ctx.i32_type(), "")?;
                self.b().build_int_compare(IntPredicate::EQ, x, code, "")?
            }
            _ => return Err(self.internal("fused character comparison without a character")),
        };
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(slow);
        // The general path, in the operands' order: the runtime reads each character (raising
        // `IndexError` where the program would), then compares the strings.
        let mut ptrs = Vec::new();
        for side in &sides {
            ptrs.push(match side {
                Side::Str(p) => *p,
                Side::Char { read, .. } => {
                    let args = match self.func.expressions.get(*read) {
                        Some(Expression::RuntimeCall { args, .. }) => args.clone(),
                        _ => return Err(self.internal("deferred character read")),
                    };
                    self.runtime_call(*read, RuntimeFn::StrGetItem, &args)?.into_pointer_value()
                }
            });
        }
        let slow_eq = self.str_eq_ptrs(ptrs[0], ptrs[1])?.into_int_value();
        let slow_end = self.current_block()?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        let phi = self.b().build_phi(bool_t, "char.eq")?;
        phi.add_incoming(&[(&fast_eq, fast), (&slow_eq, slow_end)]);
        Ok(phi.as_basic_value())
    }

    fn side(&mut self, h: Handle<Expression>) -> Result<Side<'ctx>, BackendError> {
        if !self.is_deferred_char(h) {
            return Ok(Side::Str(self.ptr(h)?));
        }
        let (s_h, i_h) = match self.func.expressions.get(h) {
            Some(Expression::RuntimeCall { function: RuntimeFn::StrGetItem, args }) if args.len() == 2 => {
                (args[0], args[1])
            }
            _ => return Err(self.internal("deferred character read")),
        };
        let (s, i) = (self.ptr(s_h)?, self.int_as_i64(i_h)?);
        let i64t = self.cg.ctx.i64_type();
        // Strings are immutable: a header loaded before the loop is the header now.
        let (len, n) = match self.preloaded_header(self.base_key(s_h)) {
            Some(Header { len: n, bytes: Some(len), .. }) => (len, n),
            _ => (self.str_byte_len(s)?, self.str_len(s)?),
        };
        let negative = self.b().build_int_compare(IntPredicate::SLT, i, i64t.const_zero(), "")?;
        let wrapped = self.b().build_int_add(i, n, "")?;
        let idx = self.b().build_select(negative, wrapped, i, "idx")?.into_int_value();
        // As many bytes as code points: ASCII text, where character `idx` is byte `idx`.
        let ascii = self.b().build_int_compare(IntPredicate::EQ, len, n, "")?;
        let fast_len = self.b().build_select(ascii, n, i64t.const_zero(), "")?.into_int_value();
        let inside = self.b().build_int_compare(IntPredicate::ULT, idx, fast_len, "")?;
        Ok(Side::Char { read: h, s, idx, inside })
    }

    /// The text byte at `index` of string `s` (the caller knows it exists).
    pub(crate) fn str_byte(
        &mut self,
        s: PointerValue<'ctx>,
        index: IntValue<'ctx>,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let i8t = self.cg.ctx.i8_type();
        let at = self.b().build_int_add(index, i64t.const_int(16, false), "")?;
        // SAFETY: the caller guarantees a byte at this offset (see the module comment).
        let p = unsafe { self.b().build_in_bounds_gep(i8t, s, &[at], "")? };
        let byte = self.b().build_load(i8t, p, "byte")?;
        if let Some(inst) = byte.as_instruction_value() {
            self.cg.tbaa(inst, TBAA_STR_BYTES)?;
        }
        Ok(byte.into_int_value())
    }
}
