// The admin page's own part: file formats, file names, checks and previews for Decap CMS.
// Settings come from the build (admin.py), in the JSON block of index.html.

import { SLUG, editionSlug, fromFile, slugFor, toFile } from './netwerk-format.js';
import { beforeSave } from './netwerk-rules.js';

const settings = JSON.parse(document.getElementById('netwerk-admin').textContent);
const CMS = window.CMS;
const h = window.h;
const LOCAL = ['localhost', '127.0.0.1'].includes(location.hostname);

if (!settings.backend && !LOCAL) {
  // Without a backend in mkdocs.yml the admin page works only on your own computer, against
  // decap-server and a local build of the site.
  const main = document.createElement('main');
  main.className = 'netwerk-admin-off';
  main.innerHTML =
    '<h1>Beheer</h1><p>Het beheer van deze site werkt alleen op je eigen computer: draai in de ' +
    'map van de site <code>npx decap-server</code> en <code>mkdocs serve</code>, en open ' +
    '<code>http://127.0.0.1:8000/admin/</code>. Om hier in te loggen met GitHub of GitLab zet je ' +
    'onder <code>admin:</code> in mkdocs.yml een <code>backend</code> (zie de README).</p>';
  document.body.append(main);
  throw new Error('netwerk: geen backend voor het beheer op deze site');
}

// Dutch all the way: Decap's own Dutch lacks these (it shows the English ones instead).
const DUTCH = {
  auth: { loginWithForgejo: 'Inloggen met Forgejo' },
  collection: {
    collectionTop: { viewAsList: 'Als lijst tonen', viewAsGrid: 'Als raster tonen' },
    entries: { unpublishedHeader: 'Niet gepubliceerd' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'veld %{widgetLabel}' } },
    editorControlPane: {
      widget: {
        invalidPath: "'%{path}' is geen geldig pad",
        // Our patterns' messages say what to write, in the build's words: not "komt niet
        // overeen met het patroon", which tells an editor nothing.
        regexPattern: '%{fieldLabel}: %{pattern}',
        pathExists: "Pad '%{path}' bestaat al",
      },
      i18n: {
        copyFromLocale: 'Overnemen uit een andere taal',
        copyFromLocaleConfirm:
          'Wil je de gegevens uit %{locale} overnemen?\nAlles wat hier staat wordt overschreven.',
      },
    },
    editorInterface: { toggleNotes: 'Notities tonen of verbergen' },
    editorNotesPane: {
      title: 'Notities',
      emptyState: 'Nog geen notities. Schrijf hieronder de eerste.',
      addNote: 'Notitie toevoegen',
      addPlaceholder: 'Schrijf een notitie...',
      editPlaceholder: 'Bewerk je notitie...',
      save: 'Bewaren',
      cancel: 'Annuleren',
      edit: 'Bewerken',
      delete: 'Verwijderen',
      resolve: 'Afhandelen',
      unresolve: 'Weer openen',
      confirmDelete: 'Weet je zeker dat je deze notitie wilt verwijderen?',
      shortcut: 'Tip: Ctrl+Enter voegt de notitie meteen toe',
    },
    editorToolbar: {
      statusInfoTooltipDraft:
        'Dit is een concept. Zet de status op ‘Ter beoordeling’ om het te laten nakijken',
      statusInfoTooltipInReview:
        'Dit wordt nagekeken; je hoeft niets te doen, maar je kunt nog wel wijzigen.',
    },
    editorWidgets: {
      markdown: {
        strikethrough: 'Doorhalen',
        quote: 'Citaat',
        toggleMode: { rich: 'Naar rijke tekst', markdown: 'Naar Markdown' },
      },
      image: {
        chooseMultiple: 'Kies afbeeldingen',
        addMore: 'Meer afbeeldingen toevoegen',
        removeAll: 'Alle afbeeldingen verwijderen',
      },
      file: {
        chooseMultiple: 'Kies bestanden',
        addMore: 'Meer bestanden toevoegen',
        removeAll: 'Alle bestanden verwijderen',
      },
      datetime: { setToNow: '%{fieldLabel}: nu' },
      list: { addType: '%{item} toevoegen' },
      object: { expand: 'Uitklappen', collapse: 'Inklappen' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Sluiten' } },
  ui: {
    settingsDropdown: { account: 'Account' },
    toast: {
      noteAdded: 'Notitie toegevoegd',
      onFailToAddNote: 'Notitie toevoegen mislukt: %{details}',
      noteUpdated: 'Notitie bijgewerkt',
      onFailToUpdateNote: 'Notitie bijwerken mislukt: %{details}',
      noteDeleted: 'Notitie verwijderd',
      onFailToDeleteNote: 'Notitie verwijderen mislukt: %{details}',
      noteResolved: 'Notitie afgehandeld',
      noteReopened: 'Notitie weer geopend',
      onFailToToggleNote: 'Notitie wijzigen mislukt: %{details}',
    },
  },
};

function merged(base, own) {
  const result = { ...base };
  for (const [key, value] of Object.entries(own)) {
    result[key] = value && typeof value === 'object' ? merged(base?.[key] || {}, value) : value;
  }
  return result;
}

CMS.registerLocale('nl', merged(CMS.getLocale('nl') || {}, DUTCH));

// One file format per collection: each knows its own fields (netwerk-format.js).
for (const [name, rules] of Object.entries(settings.formats)) {
  CMS.registerCustomFormat(`netwerk-${name}`, rules.kind, {
    fromFile: (raw) => fromFile(raw, rules),
    toFile: (data) => toFile(data, rules),
  });
}

// Before saving: an image has a description, and a new item gets the file name that
// `netwerk nieuw` would give it (Decap's slug rules differ: & is not "en", – becomes -).
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const rules = settings.formats[entry.get('collection')];
    let data = entry.get('data');
    if (!rules) return data;
    if (entry.get('newRecord') && rules.title) {
      const given = data.get(rules.title);
      const slug = rules.title === 'date' ? editionSlug(given) : slugFor(given);
      data = data.set(SLUG, slug || 'nieuw');
    }
    unmark();
    // In the browser, always: the values as the build reads them (the file as it would be
    // written, read back as text).
    const values = data.toJS();
    const file = fromFile(toFile(values, rules), { ...rules, counts: [], follows: {} });
    const found = beforeSave(settings, entry.get('collection'), values, file);
    if (found.length) refuse(found);
    if (CHECK) await refuseProblems(entry, data, rules); // what only the build knows
    return data;
  },
});

// --- The build's own check before a save: `netwerk voorbeeld` checks the file as it would be
// written, with the models of the build, and its problems are shown on their fields ---------

const CHECK = document.querySelector('link[rel="netwerk-controle"]')?.href;

function pathOf(entry, data) {
  const known = entry.get('path');
  if (known && !entry.get('newRecord')) return known;
  const folder = Object.entries(settings.forms.folders).find(([, name]) => name === entry.get('collection'));
  return folder ? `${folder[0]}${data.get(SLUG)}.md` : known;
}

function unmark() {
  for (const note of document.querySelectorAll('.netwerk-fout')) note.remove();
  for (const control of document.querySelectorAll('[data-netwerk-fout]')) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('data-netwerk-fout');
  }
}

/** A problem on its field: the control marked invalid, the message below it. */
function mark(problem, index) {
  const names = String(problem.field).split('.').reverse();
  for (const name of names) {
    const control = document.querySelector(`[id^="${CSS.escape(name)}-field-"]`);
    if (!control) continue;
    const note = document.createElement('p');
    note.className = 'netwerk-fout';
    note.id = `netwerk-fout-${index}`;
    note.setAttribute('role', 'alert');
    note.style.cssText = 'color:#a30000;font-weight:600;margin:0.25rem 0 0';
    note.textContent = problem.message;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', note.id);
    control.dataset.netwerkFout = '';
    (control.closest('[class*="ControlContainer"], [class*="controlContainer"]') || control.parentElement).append(note);
    return;
  }
}

// Decap answers a refused save (or a required field left empty) with its message, and then
// rejects with its failure action (or with nothing), which its editor never catches: the
// browser would report a bare "Object" (or "undefined") as an error of the page. Those two
// are expected; any other rejection is still reported.
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason;
  if (reason === undefined || /(^|_)ENTRY_PERSIST_FAILURE$/.test(reason?.type || '')) event.preventDefault();
});

/** Refused: each problem marked on its field, the save stopped with all of them. */
function refuse(problems) {
  problems.forEach(mark);
  throw new Error(problems.map((one) => `${one.field}: ${one.message}`).join('\n'));
}

async function refuseProblems(entry, data, rules) {
  const path = pathOf(entry, data);
  if (!path) return;
  const text = toFile(data.toJS(), rules);
  const answer = await fetch(CHECK, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path, text }),
  });
  if (!answer.ok) return; // the preview could not check: the build will
  const { problems } = await answer.json();
  if (problems.length) refuse(problems);
}

// --- Preview: the item as its page shows it, with the site's own stylesheets -----------------

for (const href of settings.stylesheets) CMS.registerPreviewStyle(new URL(href, location.href).href);
CMS.registerPreviewStyle(new URL('preview.css', location.href).href);

const longDate = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function moment(text) {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(String(text || ''));
  if (!match) return null;
  const [, year, month, day, hour, minute] = match;
  return {
    day: longDate.format(new Date(Number(year), Number(month) - 1, Number(day))),
    time: hour === undefined ? null : `${hour.padStart(2, '0')}:${minute}`,
  };
}

/** `donderdag 12 maart 2026, 15:30–17:00`, as the site writes a period (core/dates.py). */
function period(start, end) {
  const from = moment(start);
  if (!from) return String(start || '');
  const bareTime = /^(\d{1,2}):(\d{2})$/.exec(String(end || ''));
  const to = bareTime ? { day: from.day, time: `${bareTime[1].padStart(2, '0')}:${bareTime[2]}` } : moment(end);
  if (!to) return from.time ? `${from.day}, ${from.time}` : from.day;
  if (from.day === to.day) {
    if (!from.time) return from.day;
    return to.time && to.time !== from.time ? `${from.day}, ${from.time}–${to.time}` : `${from.day}, ${from.time}`;
  }
  const part = (one) => (one.time ? `${one.day}, ${one.time}` : one.day);
  return `${part(from)} – ${part(to)}`;
}

const list = (value) => (Array.isArray(value) ? value : value ? [value] : []);
const label = (vocabulary, code) => (settings.vocabularies[vocabulary] || {})[code] || code;
const labels = (vocabulary, codes) => list(codes).map((code) => label(vocabulary, code)).join(', ');
// Related items by what the site calls them (settings.titles, from the build); one the
// network does not have, as typed.
const named = (folder, slug) => {
  const titles = settings.titles[folder] || {};
  return Object.hasOwn(titles, slug) ? titles[slug] : String(slug);
};
const names = (folder, slugs) => list(slugs).map((slug) => named(folder, slug)).join(', ');

function facts(pairs) {
  const shown = pairs.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (!shown.length) return null;
  return h('dl', { className: 'netwerk-fields' }, ...shown.flatMap(([term, value]) => [h('dt', null, term), h('dd', null, value)]));
}

const FACTS = {
  agenda: (d) => [
    ['Wanneer', period(d.start, d.end)],
    ['Waar', d.location ? [d.location.name, d.location.address].filter(Boolean).join(', ') : d.online_url ? 'Online' : ''],
    ['Online', d.online_url],
    ['Soort', d.kind && label('activity_kinds', d.kind)],
    ['Status', d.status && label('activity_statuses', d.status)],
    ['Werkvelden', labels('sectors', d.sectors)],
    ['Thema', d.theme && named('themas', d.theme)],
    ['Project', d.project && named('projecten', d.project)],
    ['Partners', names('partners', d.partners)],
    ['Aanmelden', d.registration_url],
  ],
  nieuws: (d) => [
    ['Datum', moment(d.date)?.day],
    ['Soort', d.kind && label('news_kinds', d.kind)],
    ['Werkvelden', labels('sectors', d.sectors)],
    ["Thema's", names('themas', d.themes)],
    ['Project', d.project && named('projecten', d.project)],
    ['Partners', names('partners', d.partners)],
  ],
  partners: (d) => [
    ['Werkvelden', labels('sectors', d.sectors)],
    ['Lidmaatschap', d.membership && label('memberships', d.membership)],
    ['Gemeente', d.municipality],
    ['Lid sinds', moment(d.member_since)?.day],
    ['Website', d.website],
    ["Thema's", names('themas', d.themes)],
  ],
  projecten: (d) => [
    ['Code', d.code],
    ['Status', d.status && label('project_statuses', d.status)],
    ['Thema', d.theme && named('themas', d.theme)],
    ['Werkvelden', labels('sectors', d.sectors)],
    ['Trekkers', list(d.leads).join(', ')],
    ['Partners', names('partners', d.partners)],
    ['Doel', d.goal],
    ['Looptijd', d.start ? period(d.start, d.end) : ''],
  ],
  kennisbank: (d) => [
    ['Soort', d.kind && label('resource_kinds', d.kind)],
    ['Werkvelden', labels('sectors', d.sectors)],
    ['Webadres', d.url],
    ["Thema's", names('themas', d.themes)],
    ['Partners', names('partners', d.partners)],
    ['Projecten', names('projecten', d.projects)],
  ],
  nieuwsbrief: (d) => [
    ['Verzenddatum', moment(d.date)?.day],
    ['Voorvertoning', d.preheader],
    ['Doelgroepen', list(d.audiences).map((slug) => settings.audiences[slug] || slug).join(', ') || 'alle'],
  ],
};

/** Decap's preview frame has no language and no title: it is Dutch, named by the item. */
function dutchFrame(frame, title) {
  if (!frame) return;
  frame.documentElement.lang = 'nl';
  frame.title = `Voorbeeld: ${title}`;
}

function preview(collection) {
  return function Preview({ entry, widgetFor, getAsset, fields, document: frame }) {
    const data = entry.get('data').toJS();
    const title = data.title || data.name || data.subject || '';
    dutchFrame(frame, title);
    // The item's image and the field that describes it, as the build pairs them.
    const [image, alt] = Object.entries(settings.formats[collection]?.alt || {})[0] || [];
    let picture = null;
    if (image && data[image]) {
      // With its field, so that the image is looked up in that field's own folder.
      const own = fields && fields.find((one) => one.get('name') === image);
      const asset = getAsset(data[image], own);
      picture = h('p', null, h('img', { src: asset ? asset.toString() : '', alt: data[alt] || '', style: { maxWidth: '16rem' } }));
    }
    return h(
      'article',
      { className: 'md-typeset netwerk-preview' },
      h(
        'div',
        { className: `netwerk-item netwerk-${collection}` },
        data.draft ? h('p', { className: 'netwerk-preview-draft' }, 'Concept: nog niet op de site') : null,
        h('h1', null, title),
        data.summary ? h('p', { className: 'netwerk-summary' }, data.summary) : null,
        facts(FACTS[collection] ? FACTS[collection](data) : []),
        picture,
        widgetFor('body'),
      ),
    );
  };
}

/** Wie is wie, as its page shows it: per group its members, with partners and themes by name. */
function OrganisationPreview({ entry, document: frame }) {
  const data = entry.get('data').toJS();
  dutchFrame(frame, 'Wie is wie');
  const member = (one) =>
    [
      [one.role, one.name].filter(Boolean).join(': '),
      one.partner ? named('partners', one.partner) : one.organisation,
      labels('sectors', one.sectors),
      one.theme && named('themas', one.theme),
    ]
      .filter(Boolean)
      .join(' · ');
  return h(
    'article',
    { className: 'md-typeset netwerk-preview' },
    h('h1', null, 'Wie is wie'),
    data.intro ? h('p', null, data.intro) : null,
    ...list(data.groups).flatMap((group) => [
      h('h2', null, group.name || ''),
      group.task ? h('p', null, h('strong', null, group.task)) : null,
      group.description ? h('p', null, group.description) : null,
      list(group.members).length
        ? h('ul', { className: 'netwerk-list' }, ...list(group.members).map((one) => h('li', null, member(one))))
        : null,
    ]),
  );
}

const OWN_PREVIEWS = { organisatie: OrganisationPreview };

// By collection, and for the pages (a collection of files) by file.
for (const [template, collection] of Object.entries(settings.previews)) {
  CMS.registerPreviewTemplate(template, OWN_PREVIEWS[collection] || preview(collection));
}

// --- The problems `netwerk voorbeeld` finds, each with a link to its form ---------------------

// Only `netwerk voorbeeld` knows them: it links their address from this page.
const PROBLEMS = document.querySelector('link[rel="netwerk-problemen"]')?.href;

function formOf(line) {
  const path = /^([^:\s][^:]*):\d+:/.exec(line)?.[1];
  if (!path) return null;
  const { folders, files } = settings.forms;
  if (files[path]) return `#/collections/${files[path]}`;
  for (const [folder, collection] of Object.entries(folders)) {
    const rest = path.startsWith(folder) ? path.slice(folder.length) : '';
    if (/^[^/]+\.md$/.test(rest)) return `#/collections/${collection}/entries/${rest.slice(0, -3)}`;
  }
  return null;
}

function showProblems(problems) {
  let box = document.getElementById('netwerk-problemen');
  const found = problems.filter((line) => /:\d+:/.test(line));
  if (!problems.length) {
    box?.remove();
    return;
  }
  if (!box) {
    box = document.createElement('aside');
    box.id = 'netwerk-problemen';
    box.setAttribute('aria-labelledby', 'netwerk-problemen-kop');
    box.style.cssText =
      'position:fixed;z-index:10000;left:0;right:0;bottom:0;max-height:35vh;overflow:auto;' +
      'background:#fff4f4;color:#1a1a1a;border-top:3px solid #a30000;padding:0.5rem 1rem;' +
      'font:0.95rem/1.4 system-ui,sans-serif';
    document.body.append(box);
  }
  const count = found.length || problems.length;
  const heading = document.createElement('h2');
  heading.id = 'netwerk-problemen-kop';
  heading.style.cssText = 'margin:0 0 0.25rem;font-size:1rem;color:#a30000';
  heading.textContent =
    (count === 1 ? 'Er is een probleem' : `Er zijn ${count} problemen`) +
    ': de site wordt niet gebouwd tot het is opgelost';
  const items = document.createElement('ul');
  items.style.cssText = 'margin:0;padding-left:1.25rem';
  for (const line of found.length ? found : problems) {
    const item = document.createElement('li');
    const text = document.createElement('code');
    text.textContent = line;
    item.append(text);
    const form = formOf(line);
    if (form) {
      const link = document.createElement('a');
      link.href = form;
      link.textContent = 'Open het formulier';
      item.append(' ', link);
    }
    items.append(item);
  }
  box.replaceChildren(heading, items);
}

async function followProblems() {
  for (;;) {
    try {
      const answer = await fetch(PROBLEMS, { cache: 'no-store' });
      if (!answer.ok) return; // not the preview
      showProblems((await answer.json()).problems);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

if (PROBLEMS) followProblems();

CMS.init();
