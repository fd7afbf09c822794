// Dates and times as Dutch editors read and type them, whatever the browser's language: a date
// as dd-mm-jjjj, a time as 24-hour uu:mm. Decap's own datetime widget uses the browser's native
// inputs, which follow the browser's locale (mm/dd/yyyy, 04:00 PM in an English browser).
//
// The widget stores what the loader reads (core/values.py: parse_date, parse_when):
// `jjjj-mm-dd`, `jjjj-mm-dd uu:mm`, and for an end on the start's day `uu:mm` alone. It writes
// nothing until the editor types: an untouched file keeps its value as written.
//
// The field's settings (admin/page.py): `time` (a time part, optional: without it the whole
// day) and `end_of` (the field this one ends: an end may be a time alone, on that day).
// The parsing is exported without the DOM, so that it also runs under Node.

import { dayExists } from './netwerk-rules.js';

const DATE_FORM = 'schrijf de datum als dd-mm-jjjj, bijvoorbeeld 12-03-2026';
const TIME_FORM = 'schrijf de tijd als uu:mm, bijvoorbeeld 15:30';
const SAME_DAY = 'Zelfde dag, alleen eindtijd';

const pad = (n) => String(n).padStart(2, '0');

/** A date as typed: dd-mm-jjjj (also with / or . or 8 digits) or jjjj-mm-dd as in the files. */
export function parseDate(typed) {
  const text = String(typed).trim();
  let match = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text) || /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  let day, month, year;
  if (match) [, day, month, year] = match.map(Number);
  else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) [, year, month, day] = match.map(Number);
  else return { error: `'${text}' is geen datum; ${DATE_FORM}` };
  if (!dayExists(year, month, day)) {
    return { error: `'${text}' bestaat niet als datum; controleer dag en maand` };
  }
  const full = String(year).padStart(4, '0');
  return { iso: `${full}-${pad(month)}-${pad(day)}`, shown: `${pad(day)}-${pad(month)}-${full}` };
}

/** A time as typed: 15:30, 15.30, 9:30, 1530. */
export function parseTime(typed) {
  const text = String(typed).trim();
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text) || /^(\d{1,2})(\d{2})$/.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return { error: `'${text}' is geen tijd; ${TIME_FORM}` };
  return { time: `${pad(match[1])}:${match[2]}` };
}

/** A date with a time typed or pasted in the date part (`2027-02-04T16:30`, `04-02-2027 16:30`). */
function splitDateTime(typed) {
  const match = /^(.*\d)(?:[ T]|,? om |, )(\d{1,2}[:.]\d{2})(?::\d{2})?(?: uur)?$/.exec(String(typed).trim());
  return match ? [match[1], match[2]] : null;
}

/** The parts the form shows for a stored value: date (dd-mm-jjjj), time, same day. */
export function partsOf(value) {
  const text = value === undefined || value === null ? '' : String(value).trim();
  const alone = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (alone) return { date: '', time: `${pad(alone[1])}:${alone[2]}`, sameDay: true };
  const stored = /^(\d{4}-\d{1,2}-\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(text);
  if (stored) {
    const date = parseDate(stored[1]);
    const time = stored[2] === undefined ? '' : `${pad(stored[2])}:${stored[3]}`;
    return { date: date.shown || stored[1], time, sameDay: false };
  }
  return { date: text, time: '', sameDay: false }; // shown as written: the check says what is wrong
}

/** Whether the loader reads a stored value as it stands (the models' JSON Schema pattern). */
export function readable(value, { time = false, endOf = null } = {}) {
  const text = String(value ?? '').trim();
  if (!text) return true;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) return true;
  if (time && /^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?$/.test(text)) return true;
  return Boolean(endOf) && /^\d{1,2}:\d{2}$/.test(text);
}

/** The value to store for the parts, or the mistake: { value } or { error }. */
export function valueOf(parts, { time = false, endOf = null } = {}) {
  const dateText = String(parts.date || '').trim();
  const timeText = String(parts.time || '').trim();
  if (endOf && parts.sameDay) {
    if (!timeText) return { error: `vul de eindtijd in (uu:mm), of zet '${SAME_DAY}' uit` };
    const alone = parseTime(timeText);
    return alone.error ? alone : { value: alone.time };
  }
  if (!dateText) {
    if (time && timeText) return { error: 'vul ook de datum in (dd-mm-jjjj), of laat de tijd leeg' };
    return { value: '' };
  }
  const withTime = splitDateTime(dateText);
  if (withTime && !time) {
    const day = parseDate(withTime[0]);
    const hint = day.shown ? `; schrijf ${day.shown}` : '';
    return { error: `'${dateText}' heeft een tijd, maar hier hoort alleen een datum${hint}` };
  }
  const day = parseDate(dateText);
  if (day.error) return day;
  if (!time || !timeText) return { value: day.iso };
  const at = parseTime(timeText);
  return at.error ? at : { value: `${day.iso} ${at.time}` };
}

/** What typing in the date part gives: a date and time pasted there are split over the parts. */
export function typedDate(parts, typed, { time = false } = {}) {
  const both = time ? splitDateTime(typed) : null;
  return both ? { ...parts, date: both[0], time: both[1] } : { ...parts, date: typed };
}

// --- The widget ----------------------------------------------------------------------------

function register(CMS, h, createClass) {
  const Control = createClass({
    getInitialState() {
      return { ...partsOf(this.props.value), shown: false };
    },

    componentDidMount() {
      // A value the build cannot read (`20-01-2027` typed in the file): written as it reads it
      // when the form can, else its mistake shown at once.
      if (readable(this.props.value, this.settings())) return;
      const result = valueOf(this.state, this.settings());
      if (result.error !== undefined) this.setState({ shown: true });
      else this.change({});
    },

    componentDidUpdate(previous) {
      // Another entry, or a value set from outside the widget: show it.
      const { value } = this.props;
      if (value !== previous.value && value !== this.written) {
        this.typed = false;
        this.setState({ ...partsOf(value), shown: false });
      }
    },

    settings() {
      const { field } = this.props;
      return { time: Boolean(field.get('time')), endOf: field.get('end_of') || null };
    },

    change(parts, { typed = true, blurred = false } = {}) {
      const next = { ...this.state, ...parts };
      const result = valueOf(next, this.settings());
      this.setState({ ...next, shown: this.state.shown || blurred });
      this.typed = this.typed || typed;
      // Only what the editor typed, and only a value the build reads, is stored (a value the
      // file has stays as written); isValid holds the save while a part is wrong.
      if (this.typed && result.error === undefined && result.value !== (this.props.value ?? '')) {
        this.written = result.value;
        this.props.onChange(result.value);
      }
    },

    tidy() {
      // On leaving a part: the mistake shown, a valid date and time written as they are read.
      const next = {};
      const day = this.state.date && !splitDateTime(this.state.date) ? parseDate(this.state.date) : {};
      if (day.shown) next.date = day.shown;
      const at = this.state.time ? parseTime(this.state.time) : {};
      if (at.time) next.time = at.time;
      this.change(next, { typed: false, blurred: true });
      this.props.setInactiveStyle();
    },

    isValid() {
      const result = valueOf(this.state, this.settings());
      if (result.error === undefined) return true;
      if (!this.state.shown) this.setState({ shown: true });
      // The message is shown (and announced) below the parts; Decap marks the field.
      return { error: { type: 'CUSTOM', parentIds: this.props.parentIds, message: '' } };
    },

    render() {
      const { forID, field, classNameWrapper, setActiveStyle } = this.props;
      const { time, endOf } = this.settings();
      const label = field.get('label', field.get('name'));
      const result = valueOf(this.state, { time, endOf });
      const error = this.state.shown ? result.error : undefined;
      // Decap finds a field by the start of its id (`start-field-3`): the parts' ids start otherwise.
      const ids = { dateForm: `datumvorm-${forID}`, timeForm: `tijdvorm-${forID}`, error: `fout-${forID}` };
      const sameDay = Boolean(endOf && this.state.sameDay);
      const part = { display: 'inline-flex', flexDirection: 'column', gap: '0.2rem', marginRight: '1.5rem' };
      const input = (id, described, extra) =>
        h('input', {
          id,
          type: 'text',
          inputMode: 'numeric',
          autoComplete: 'off',
          'aria-describedby': [described, error ? ids.error : null].filter(Boolean).join(' '),
          'aria-invalid': error ? 'true' : undefined,
          onFocus: setActiveStyle,
          onBlur: this.tidy,
          style: { font: 'inherit', padding: '0.4rem 0.5rem', border: '1px solid #767676', borderRadius: '4px' },
          ...extra,
        });
      const children = [];
      if (endOf) {
        children.push(
          h(
            'label',
            { style: { display: 'block', marginBottom: '0.5rem' } },
            h('input', {
              type: 'checkbox',
              id: `zelfdedag-${forID}`,
              checked: sameDay,
              onChange: (event) => this.change({ sameDay: event.target.checked }, { blurred: true }),
            }),
            ` ${SAME_DAY}`,
          ),
        );
      }
      if (!sameDay) {
        children.push(
          h(
            'span',
            { style: part },
            h('label', { htmlFor: forID }, 'Datum'),
            input(forID, ids.dateForm, {
              size: 12,
              value: this.state.date,
              onChange: (event) => this.change(typedDate(this.state, event.target.value, { time })),
            }),
            h('span', { id: ids.dateForm, style: { fontSize: '0.85rem' } }, 'dd-mm-jjjj'),
          ),
        );
      }
      if (time) {
        const timeId = sameDay ? forID : `tijd-${forID}`;
        const hint = sameDay ? 'uu:mm, op de dag van het begin' : endOf ? 'uu:mm, mag leeg blijven' : 'uu:mm, leeg voor een hele dag';
        children.push(
          h(
            'span',
            { style: part },
            h('label', { htmlFor: timeId }, sameDay ? 'Eindtijd' : 'Tijd'),
            input(timeId, ids.timeForm, {
              size: 6,
              value: this.state.time,
              onChange: (event) => this.change({ time: event.target.value }),
            }),
            h('span', { id: ids.timeForm, style: { fontSize: '0.85rem' } }, hint),
          ),
        );
      }
      children.push(
        h(
          'p',
          { id: ids.error, role: 'alert', style: error ? { color: '#a30000', fontWeight: 600, margin: '0.5rem 0 0' } : { margin: 0 } },
          error ? `${label}: ${error}` : '',
        ),
      );
      return h('div', { role: 'group', 'aria-label': label, className: `${classNameWrapper} netwerk-when` }, ...children);
    },
  });

  const Preview = ({ value }) => h('span', null, [partsOf(value).date, partsOf(value).time].filter(Boolean).join(' '));
  CMS.registerWidget('netwerk-when', Control, Preview);
}

if (typeof window !== 'undefined' && window.CMS) register(window.CMS, window.h, window.createClass);
