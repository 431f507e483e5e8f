// English: Manage → Verify journal (the whole audit journal walked, the first break or the intact chain).
export const journal = {
  'manage.journal': 'Verify journal',
  'manage.journalHint': 'Walk the whole audit journal and show the first entry that does not check out',
  'journal.title': 'Verify journal',
  'journal.approve': 'Approval: verify the whole journal',
  'journal.starting': 'Starting the check…',
  'journal.walking': 'Checked {done, number} of {total, number} entries…',
  'journal.intact':
    'Intact: {entries, plural, one {# entry} other {# entries}}, from {first} to {last}. Nothing was changed or removed.',
  'journal.empty': 'Intact: the journal has no entries yet.',
  'journal.head': 'Last hash: {head}',
  'journal.broken': 'Broken at entry {seq}',
  'journal.when': 'Recorded at {at}',
  'journal.whenMissing': 'This entry is missing; it lay between {before} and {after}',
  'journal.covered': 'It recorded: {covered}',
  'journal.coveredUnreadable': 'It recorded a {kind} entry whose content cannot be read',
  'journal.cause':
    '{cause, select, gap {An entry is missing: the numbering jumps here.} order {The entries are out of order here.} prev_hash {This entry does not chain to the one before it.} hash {This entry was changed: its content no longer matches its hash.} body {This entry’s content is garbled.} anchor {The entry the check started from was changed.} other {The journal’s last-entry marker does not match its last entry.}}',
  'journal.again': 'Verify again',
  'journal.hint': 'The check runs in the background: the till keeps selling meanwhile.',
} as const;
