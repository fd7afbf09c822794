// Files as the editors wrote them: read a Markdown file's front matter (or a YAML data file)
// for Decap CMS's forms, and write back only what the form changed.
//
// Decap's own front matter format writes the whole block anew: keys in the form's order,
// comments and quotes gone, `[po, vo]` as a block list, long texts folded over two lines. Here
// the file's own text is kept (carried through the form under SOURCE) and each changed value
// is replaced where it stands; a list or block the form changed is written anew in its own
// style (`[po, vo]` stays on one line); new keys go after the key before them in the form.
// Values are read as the build reads them: plain scalars as the text typed (`NO`, `1.10`,
// `12:30` stay text), only the rules' true/false and number fields as such.
//
// One rule set per collection (admin.py: formats()); no DOM, so it also runs under Node.

import { Document, isMap, isScalar, isSeq, parseDocument } from './yaml/index.js';

export const SOURCE = '__bron';
export const SLUG = 'netwerk_slug';
const HIDDEN = '__verborgen';
const EOL = '__regeleinde';
const INTERNAL = new Set([SOURCE, SLUG, HIDDEN, EOL]);
const WRITE = { lineWidth: 0, flowCollectionPadding: false };
const TRUE = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'off', 'f', 'n']);

// --- Reading --------------------------------------------------------------------------------

/** The front matter (text up to and with its last newline, or null) and the body. */
export function split(raw) {
  const match = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)([\s\S]*)$/.exec(raw);
  return match ? [match[1] || '', match[2]] : [null, raw];
}

function parse(text) {
  const doc = parseDocument(text, { schema: 'core', keepSourceTokens: false });
  if (doc.errors.length) throw new Error(doc.errors.map((error) => error.message).join('\n'));
  return doc;
}

/** A node's value as the build reads it. */
function value(node, key, rules) {
  if (node == null) return null;
  if (isMap(node)) {
    const result = {};
    for (const pair of node.items) {
      const name = keyOf(pair);
      result[name] = value(pair.value, counted(key, rules) ? COUNTED : keyed(key, rules) ? KEYED : name, rules);
    }
    return result;
  }
  if (isSeq(node)) return node.items.map((item) => value(item, key, rules));
  if (!isScalar(node) || node.value === null) return null;
  const text = node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : String(node.value);
  if (rules.booleans.includes(key)) {
    if (TRUE.has(text.toLowerCase())) return true;
    if (FALSE.has(text.toLowerCase())) return false;
  }
  if ((rules.numbers.includes(key) || counted(key, rules) || key === KEYED) && /^[-+]?\d+$/.test(text.trim())) return Number(text);
  return text;
}

// --- Counts (`participants: 56` or `{po: 30, vo: 26}`) as one line of text in the form, and
// `location: volgt` as a switch in the place's group -------------------------------------------

const COUNTED = '__geteld';

function counted(key, rules) {
  return key === COUNTED || (rules.counts || []).includes(key);
}

/** 56 → "56", {po: 30, vo: 26} → "po: 30, vo: 26": what the form shows and takes. */
function countsText(v) {
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).map(([code, n]) => `${code}: ${n ?? ''}`).join(', ');
  return v === null || v === undefined ? v : String(v);
}

/** What the editor typed, in the file's shape: a total, or a count per sector. */
function countsValue(v) {
  const text = typeof v === 'string' ? v.trim() : v;
  if (typeof text !== 'string') return v;
  if (/^\d+$/.test(text)) return Number(text);
  const parts = text.split(',').map((part) => /^([\w-]+)\s*:\s*(\d+)$/.exec(part.trim()));
  if (text && parts.every(Boolean)) return Object.fromEntries(parts.map(([, code, n]) => [code, Number(n)]));
  return v; // as typed: the build's check says what is wrong with it
}

// --- Counts per year, per channel (cijfers.yml: `subscribers: {2025: 415}`) as rows of a list
// in the form: a key and its value, the value a count or rows again ---------------------------

const KEYED = '__per_sleutel';

function keyed(key, rules) {
  return key === KEYED || key in (rules.keyed || {});
}

function toRows(v, depth) {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.entries(v).map(([key, item]) => ({ key, value: depth > 1 ? toRows(item, depth - 1) : item }));
}

function fromRows(v, depth) {
  if (!Array.isArray(v)) return v;
  const result = {};
  for (const row of v) {
    if (!row || empty(row.key)) continue;
    result[String(row.key).trim()] = depth > 1 ? fromRows(row.value, depth - 1) : row.value;
  }
  return result;
}

function toForm(data, rules) {
  for (const [key, depth] of Object.entries(rules.keyed || {})) if (key in data) data[key] = toRows(data[key], depth);
  for (const key of rules.counts || []) if (key in data) data[key] = countsText(data[key]);
  for (const [key, word] of Object.entries(rules.follows || {})) {
    if (typeof data[key] === 'string' && data[key].trim().toLowerCase() === word) data[key] = { [word]: true };
  }
}

function fromForm(data, rules) {
  for (const [key, depth] of Object.entries(rules.keyed || {})) if (key in data) data[key] = fromRows(data[key], depth);
  for (const key of rules.counts || []) if (key in data) data[key] = countsValue(data[key]);
  for (const [key, word] of Object.entries(rules.follows || {})) {
    const group = data[key];
    if (!group || typeof group !== 'object') continue;
    if (group[word] === true) data[key] = word;
    else data[key] = Object.fromEntries(Object.entries(group).filter(([name]) => name !== word));
  }
}

function keyOf(pair) {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

export function fromFile(raw, rules) {
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
  let front;
  let body;
  if (rules.kind === 'yml') {
    [front, body] = [text, undefined];
  } else {
    [front, body] = split(text);
  }
  const data = {};
  if (front !== null && front.trim()) {
    const read = value(parse(front).contents, '', rules);
    if (read && typeof read === 'object' && !Array.isArray(read)) Object.assign(data, read);
  }
  if (rules.highlights) toGroups(data, rules.highlights);
  toForm(data, rules);
  if (body !== undefined) data.body = body;
  data[SOURCE] = front === null ? false : front;
  if (eol !== '\n') data[EOL] = eol;
  return data;
}

// --- Highlights: one list of folder/name, one relation field per folder in the form ---------

function toGroups(data, highlights) {
  const list = data[highlights.field];
  if (!Array.isArray(list)) return;
  const groups = Object.fromEntries(highlights.folders.map((folder) => [folder, []]));
  const hidden = [];
  for (const item of list) {
    const [folder, name] = where(item, highlights);
    if (folder in groups) groups[folder].push(name);
    else hidden.push(item);
  }
  data[highlights.field] = groups;
  data[HIDDEN] = hidden;
}

function where(item, highlights) {
  const text = String(item);
  const at = text.lastIndexOf('/');
  if (at >= 0) return [text.slice(0, at), text.slice(at + 1)];
  return [highlights.known[text], text];
}

function fromGroups(data, before, highlights) {
  const groups = data[highlights.field];
  if (!groups || typeof groups !== 'object' || Array.isArray(groups)) return;
  const chosen = [];
  for (const folder of highlights.folders) {
    for (const name of groups[folder] || []) chosen.push(`${folder}/${name}`);
  }
  const left = new Set(chosen);
  const list = [];
  // The file's order and spelling for what stays; what the form added comes after.
  for (const item of Array.isArray(before) ? before : []) {
    const [folder, name] = where(item, highlights);
    const full = `${folder}/${name}`;
    if (left.has(full)) {
      list.push(item);
      left.delete(full);
    } else if ((data[HIDDEN] || []).includes(item)) {
      list.push(item);
    }
  }
  list.push(...chosen.filter((full) => left.has(full)));
  data[highlights.field] = list;
}

// --- Writing --------------------------------------------------------------------------------

function empty(v) {
  // Spaces alone are no value: the build reads `summary: "  "` as empty.
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return true;
  if (typeof v === 'number') return Number.isNaN(v);
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

/** The form's values without the empty ones (the build reads `summary: ""` as a mistake). */
function clean(v) {
  if (Array.isArray(v)) return v.map(clean).filter((item) => !empty(item));
  if (v && typeof v === 'object') {
    const result = {};
    for (const [key, item] of Object.entries(v)) {
      if (INTERNAL.has(key)) continue;
      const cleaned = clean(item);
      if (!empty(cleaned)) result[key] = cleaned;
    }
    return result;
  }
  return v;
}

function equal(a, b) {
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => equal(a[key], b[key]));
  }
  return a === b;
}

/** A new value as YAML text: lists of single values on one line, maps as blocks. */
function render(v, old) {
  const doc = new Document(v);
  style(doc.contents, old);
  return doc.toString(WRITE).replace(/\n$/, '');
}

function style(node, old) {
  if (isSeq(node)) {
    node.flow = old && isSeq(old) ? Boolean(old.flow) : node.items.every((item) => isScalar(item));
    node.items.forEach((item, i) => style(item, old && isSeq(old) ? old.items[i] : undefined));
  } else if (isMap(node)) {
    node.flow = Boolean(old && isMap(old) && old.flow);
    for (const pair of node.items) {
      plainKey(pair);
      const before = old && isMap(old) ? old.items.find((p) => keyOf(p) === keyOf(pair)) : undefined;
      style(pair.value, before && before.value);
    }
  } else if (isScalar(node) && isScalar(old) && typeof node.value === 'string' && !node.value.includes('\n')) {
    if (old.type === 'QUOTE_DOUBLE' || old.type === 'QUOTE_SINGLE') node.type = old.type;
  }
}

/** A key that is a whole number (a year: `2026: 572`) unquoted, as editors write it and the
 * loader reads it (keys are text there). */
function plainKey(pair) {
  if (isScalar(pair.key) && typeof pair.key.value === 'string' && /^(0|[1-9]\d{0,15})$/.test(pair.key.value)) {
    pair.key.value = Number(pair.key.value);
  }
}

/** Text with its second and later lines indented to `column`. */
function indent(text, column) {
  const pad = ' '.repeat(column);
  return text.split('\n').map((line, i) => (i && line ? pad + line : line)).join('\n');
}

function renderPair(key, v, column, old) {
  const doc = new Document({ [key]: v });
  plainKey(doc.contents.items[0]);
  style(doc.contents.items[0].value, old);
  return indent(doc.toString(WRITE).replace(/\n$/, ''), column);
}

class Splice {
  constructor(text) {
    this.text = text;
    this.edits = [];
  }

  column(at) {
    return at - (this.text.lastIndexOf('\n', at - 1) + 1);
  }

  lineStart(at) {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  /** Just past the newline that ends what starts at `at` and runs to `end`. */
  lineEnd(end) {
    if (end > 0 && this.text[end - 1] === '\n') return end;
    const newline = this.text.indexOf('\n', end);
    return newline < 0 ? this.text.length : newline + 1;
  }

  replace(start, end, text) {
    // A block that ran up to a newline keeps one.
    const newline = end > start && this.text[end - 1] === '\n' && !text.endsWith('\n') ? '\n' : '';
    this.edits.push([start, end, text + newline]);
  }

  result() {
    let text = this.text;
    const edits = this.edits.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    for (const [start, end, replacement] of edits) text = text.slice(0, start) + replacement + text.slice(end);
    return text;
  }

  pairEnd(pair) {
    const node = pair.value;
    return node && node.range ? node.range[1] : pair.key.range[1];
  }

  /** Write `pair` anew as `key: value`, in place. */
  rewritePair(pair, v) {
    const start = pair.key.range[0];
    this.replace(start, this.pairEnd(pair), renderPair(keyOf(pair), v, this.column(start), pair.value));
  }

  map(node, now, rules, order) {
    const before = value(node, '', rules);
    if (equal(before, now)) return;
    if (node.flow) {
      this.replace(node.range[0], node.range[1], render(now, node));
      return;
    }
    const present = new Map(node.items.map((pair) => [keyOf(pair), pair]));
    for (const [key, pair] of present) {
      const old = value(pair.value, key, rules);
      if (!(key in now)) {
        if (empty(old)) continue;
        const start = this.lineStart(pair.key.range[0]);
        // `- role: ...`: the first key of a list item shares its line with the dash.
        if (this.text.slice(start, pair.key.range[0]).trim()) throw new Rewrite();
        this.edits.push([start, this.lineEnd(this.pairEnd(pair)), '']);
      } else if (!equal(old, now[key])) {
        this.node(pair, now[key], rules, key);
      }
    }
    const added = Object.keys(now).filter((key) => !present.has(key));
    if (!added.length || !node.items.length) {
      if (added.length) this.edits.push([node.range[0], node.range[0], added.map((key) => renderPair(key, now[key], 0)).join('\n') + '\n']);
      return;
    }
    const column = this.column(node.items[0].key.range[0]);
    const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
    const inserts = new Map();
    for (const key of added.sort((a, b) => rank(a) - rank(b))) {
      // After the nearest key before it in the form's order that the file has; else at the end.
      const earlier = order.slice(0, rank(key)).reverse().find((name) => present.has(name));
      const after = earlier ? present.get(earlier) : node.items[node.items.length - 1];
      const at = this.lineEnd(this.pairEnd(after));
      const lead = at === this.text.length && !this.text.endsWith('\n') ? '\n' : '';
      const line = ' '.repeat(column) + renderPair(key, now[key], column) + '\n';
      inserts.set(at, (inserts.get(at) || lead) + line);
    }
    for (const [at, text] of inserts) this.edits.push([at, at, text]);
  }

  node(pair, now, rules, key) {
    const node = pair.value;
    const mark = this.edits.length;
    try {
      if (inPlace(node, now)) {
        if (isScalar(node)) this.replace(node.range[0], node.range[1], render(now, node));
        else this.map(node, now, rules, []);
      } else if (isSeq(node) && !node.flow && Array.isArray(now) && now.length === node.items.length && node.items.every((item, i) => inPlace(item, now[i]))) {
        node.items.forEach((item, i) => {
          if (equal(value(item, key, rules), now[i])) return;
          if (isScalar(item)) this.replace(item.range[0], item.range[1], render(now[i], item));
          else this.map(item, now[i], rules, []);
        });
      } else {
        this.rewritePair(pair, now);
      }
    } catch (error) {
      if (!(error instanceof Rewrite)) throw error;
      this.edits.length = mark;
      this.rewritePair(pair, now);
    }
  }
}

/** A change inside a value that cannot be made line by line: write the value anew. */
class Rewrite extends Error {}

function inPlace(node, now) {
  if (isScalar(node)) {
    const simple = typeof now !== 'object' || now === null;
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    return node.value !== null && simple && !empty(now) && !String(now).includes('\n') && !block;
  }
  return isMap(node) && !node.flow && Boolean(now) && typeof now === 'object' && !Array.isArray(now);
}

/** The new front matter (or data file) text. */
function write(front, fields, rules) {
  const doc = front.trim() ? parse(front) : null;
  if (!doc || !isMap(doc.contents)) {
    const keys = Object.keys(fields).sort((a, b) => rank(rules.order, a) - rank(rules.order, b));
    const written = keys.map((key) => renderPair(key, fields[key], 0) + '\n').join('');
    // A file of comments only (a new cijfers.yml's explanation) keeps them, the keys below.
    const kept = doc && doc.contents === null ? front : '';
    return kept + (kept && written && !kept.endsWith('\n') ? '\n' : '') + written;
  }
  // A value the form fills in by itself (draft: false) is no change to a file without it.
  const present = new Set(doc.contents.items.map(keyOf));
  for (const [key, fallback] of Object.entries(rules.defaults || {})) {
    if (!present.has(key) && equal(fields[key], fallback)) delete fields[key];
  }
  const splice = new Splice(front);
  splice.map(doc.contents, fields, rules, rules.order);
  return splice.result();
}

function rank(order, key) {
  return order.includes(key) ? order.indexOf(key) : order.length;
}

export function toFile(data, rules) {
  const front = data[SOURCE] || '';
  const bare = data[SOURCE] === false; // a page without front matter
  const eol = data[EOL] || '\n';
  const copy = { ...data };
  if (rules.highlights) {
    const before = front.trim() ? value(parse(front).contents, '', rules) : {};
    fromGroups(copy, before && before[rules.highlights.field], rules.highlights);
  }
  fromForm(copy, rules);
  let body = copy.body;
  delete copy.body;
  const fields = clean(copy);
  let text;
  if (rules.kind === 'yml') {
    text = write(front, fields, rules);
  } else {
    body = body === undefined || body === null ? '' : String(body);
    if (body && !body.endsWith('\n')) body += '\n';
    text = bare && !Object.keys(fields).length ? body : `---\n${write(front, fields, rules)}---\n${body}`;
  }
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

// --- The file name of a new item, as `netwerk nieuw` makes it (scaffold.slug_for) -----------

export function slugFor(title) {
  const text = String(title || '').replace(/['\u2019`]/g, '').replace(/&/g, ' en ');
  return text
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `2026-03` for an edition dated 2026-03-16, as `netwerk nieuw nieuwsbrief` names it. */
export function editionSlug(date) {
  const match = /^(\d{4})-(\d{1,2})/.exec(String(date || ''));
  return match ? `${match[1]}-${match[2].padStart(2, '0')}` : '';
}
