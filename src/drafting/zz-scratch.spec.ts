import { loadRecords } from '../registry/records/records-loader';
import { loadTemplate, defaultTemplatesDir } from './templates/template-source';
import { buildDraft } from './drafts/draft-builder';
import { registryFromRecords } from './drafts/records-registry';
import { TemplateError } from './templates/template-problems';
import { blocksToMarkup } from './templates/block-markup';
it('scratch', () => {
  const args = (process.env.ARGS ?? '').split(' ').filter(Boolean);
  const [tpl, agency, ...rest] = args;
  const set = loadRecords(process.env.RECORDS ?? 'records');
  const t = loadTemplate(defaultTemplatesDir(), tpl, process.env.OVR);
  const impl = rest.filter((r) => !r.includes('='));
  const inputs = Object.fromEntries(rest.filter((r) => r.includes('=')).map((r) => r.split('=')));
  try {
    const d = buildDraft(t, registryFromRecords(set, agency), { implements: impl, inputs, code: 'du-thao', today: '2026-06-01' });
    const c = d.document.content!;
    process.stdout.write(`TITLE: ${d.document.title}\nSYMBOL ${d.document.symbol} ISSUER ${d.document.issuer} YEAR ${d.document.year}\nCITES ${d.document.citations}\nAUTH ${JSON.stringify(c.authority)} SIG ${JSON.stringify(c.signature)}\nKINHGUI ${JSON.stringify(c.kinhGui)}\n--canCu\n${c.canCu.join('\n')}\n${c.enactingLine ?? ''}\n--body\n${blocksToMarkup(c.body)}\n--recipients\n${c.recipients.join('\n')}\n--annexes\n${JSON.stringify(c.annexes.map(a => ({...a, body: blocksToMarkup(a.body)})), null, 1)}\n--figures\n${JSON.stringify(c.figures)}\nNOTES ${d.document.notes}\n`);
  } catch (e) {
    if (e instanceof TemplateError) process.stdout.write(e.message + '\n');
    else throw e;
  }
});
