// The rules across fields (one field against another, a date against today), checked before a
// save as the build checks them: the rules are data from the build (netwerk/core/rules.py, in
// the admin page's settings and in `netwerk schema`'s x-netwerk-regels); this reads the same
// small vocabulary of conditions and writes the same messages. No DOM: it also runs under Node.
//
// Values are read as the build reads the file: text, `when` fields as a date, a date and time
// or a time, `date` fields as a date. A value the build cannot read is not this check's
// business (the build says what is wrong with it); while one is there, as in the build, the
// item's rules are not checked.

const INVALID = Symbol('invalid');

const pad = (n) => String(n).padStart(2, '0');

/** Whether the day exists, as Python's date (years 1-9999) has it. */
export function dayExists(y, m, d) {
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d); // Date.UTC would read the years 0-99 as 1900-1999
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function parseDate(text) {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return INVALID;
  const [y, m, d] = match.slice(1).map(Number);
  return dayExists(y, m, d) ? { kind: 'date', day: `${match[1]}-${pad(m)}-${pad(d)}` } : INVALID;
}

/** As values.parse_when: `2026-03-12`, `2026-03-12 15:30` (or with T, seconds) or `17:00`. */
function parseWhen(text) {
  let match = /^(\d{4}-\d{1,2}-\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (match) {
    const day = parseDate(match[1]);
    const [h, mi] = [Number(match[2]), Number(match[3])];
    if (day === INVALID || h > 23 || mi > 59) return INVALID;
    return { kind: 'datetime', day: day.day, time: `${pad(h)}:${pad(mi)}` };
  }
  match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (match) {
    const [h, mi] = [Number(match[1]), Number(match[2])];
    return h > 23 || mi > 59 ? INVALID : { kind: 'time', time: `${pad(h)}:${pad(mi)}` };
  }
  return parseDate(text);
}

function filled(v) {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && !v.kind) return Object.keys(v).length > 0;
  return true;
}

/** A field's value as the build reads it, null when not there, INVALID when unreadable. */
function read(v, kind) {
  if (!filled(v)) return null;
  if (kind === 'when' || kind === 'date') {
    const text = String(v).trim();
    return kind === 'when' ? parseWhen(text) : parseDate(text);
  }
  if (kind === 'list') return Array.isArray(v) ? v.map((one) => String(one).trim()) : [String(v).trim()];
  return typeof v === 'string' ? v.trim() : v;
}

function written(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(written).join(', ');
  if (v.kind === 'datetime') return `${v.day} ${v.time}`;
  if (v.kind === 'date') return v.day;
  if (v.kind === 'time') return v.time;
  return String(v);
}

const timed = (v) => v.kind === 'datetime' || v.kind === 'time';

function holds([name, a, b], values, context) {
  const first = values[a];
  const second = values[b];
  switch (name) {
    case 'filled':
      return filled(first);
    case 'empty':
      return !filled(first);
    case 'time-only':
      return first?.kind === 'time';
    case 'date-only':
      return first?.kind === 'date';
    case 'mixed':
      return filled(first) && filled(second) && timed(first) !== timed(second);
    case 'before': {
      if (!first?.kind || !second?.kind) return false;
      const one = first.kind === 'time' && second.kind === 'datetime' ? { ...second, time: first.time } : first;
      if (one.kind !== second.kind || one.kind === 'time') return false;
      return written(one) < written(second);
    }
    case 'after-today':
      return Boolean(first?.day) && first.day > context.today;
    case 'in-setting':
      return (context.lists[b] || []).includes(first);
    default:
      throw new Error(`netwerk-rules: unknown condition ${name}`);
  }
}

/** The keys a rule finds wrong ([null] for a rule without keys-not-in), or null if none. */
function keysOf(rule, values, context) {
  let found = [null];
  for (const condition of rule.when) {
    if (condition[0] === 'keys-not-in') {
      const [, a, b] = condition;
      const map = values[a];
      const own = values[b];
      if (!map || typeof map !== 'object' || Array.isArray(map) || map.kind) return null;
      if (!Array.isArray(own) || !own.length) return null;
      found = Object.keys(map).filter((key) => !own.includes(key));
      if (!found.length) return null;
    } else if (!holds(condition, values, context)) {
      return null;
    }
  }
  return found;
}

function fill(message, values, key) {
  return message.replace(/\{(\w+)(\.day)?\}/g, (_, name, day) => {
    const text = name === 'key' && key !== null ? key : written(values[name]);
    return day ? text.slice(0, 10) : text;
  });
}

function run(rules, values, context) {
  const found = [];
  const failed = new Set();
  for (const rule of rules) {
    if (failed.has(rule.field)) continue;
    const keys = keysOf(rule, values, context);
    if (keys === null) continue;
    failed.add(rule.field);
    for (const key of keys) {
      found.push({ field: key === null ? rule.field : `${rule.field}.${key}`, message: fill(rule.message, values, key) });
    }
    if (rule.stop) break;
  }
  return found;
}

/** Today in the network's time zone, as jjjj-mm-dd. */
export function today(zone, now = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(now)
      .map(({ type, value }) => [type, value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * The problems of an item (its values as in the file) by its collection's rules
 * ({rules, kinds, lists, zone}, from the build): [{field, message}], as `netwerk controleer`
 * says them. The rules of a field come first; only when they find nothing, the item's.
 */
export function check(collection, data, now = today(collection.zone)) {
  const values = {};
  let unreadable = false;
  for (const [name, v] of Object.entries(data)) {
    const value = read(v, collection.kinds[name]);
    if (value === INVALID) unreadable = true;
    else values[name] = value;
  }
  const context = { today: now, lists: collection.lists };
  const stage = (name) => collection.rules.filter((rule) => (rule.stage || 'item') === name);
  const found = run(stage('field'), values, context);
  if (found.length || unreadable) return found;
  return run(stage('item'), values, context);
}

/**
 * Invisible characters (control and format characters) in an item's values, as the build finds
 * them ({pattern, value, line} from the build's netwerk/core/frontmatter.py): the first in each
 * value, [{field, message}]; the text below the fields (`body`) with the message for a line.
 * Keys of the forms' own (`__bron`, `netwerk_slug`) are not the item's.
 */
export function invisibles(found, data) {
  const expression = new RegExp(found.pattern, 'u');
  const problems = [];
  const visit = (value, names) => {
    if (typeof value === 'string') {
      const match = expression.exec(value);
      if (!match) return;
      const field = names.join('.');
      const code = match[0].codePointAt(0).toString(16).padStart(4, '0');
      const template = field === 'body' ? found.line : found.value;
      problems.push({ field, message: template.replace('{code}', code) });
    } else if (Array.isArray(value)) {
      for (const one of value) visit(one, names);
    } else if (value && typeof value === 'object') {
      for (const [key, one] of Object.entries(value)) visit(one, [...names, key]);
    }
  };
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith('__') && key !== 'netwerk_slug') visit(value, [key]);
  }
  return problems;
}

/**
 * What the forms refuse before a save, in the build's words ({field, message}): invisible
 * characters in the form's values, then the build's rules across fields on the item as its file
 * reads (`file`). `settings` is the admin page's: {invisible, rules}.
 */
export function beforeSave(settings, collection, values, file) {
  const hidden = invisibles(settings.invisible, values);
  if (hidden.length) return hidden;
  const own = settings.rules?.[collection];
  return own ? check(own, file) : [];
}
