// The FAQ editor: every entry the group sees, its translations side by side (one column per language, an empty one
// ready to fill), a form to add an entry, and the questions people asked that found no answer. Moderators, as with
// /faq add, /faq translate and /faq remove; the same checks.
import { parseLanguageCode } from '../../../../commands/faq.js';
import { isRightToLeft, languageName, supportedLanguages } from '../../../i18n/index.js';
import { parseNumber } from '../../../text/numbers.js';
import { scopeOf } from '../../faq/service.js';
import type { DashboardContext, DashboardPage, PageDeps } from '../web/env.js';
import { dateTime, field, groupPath } from '../web/format.js';
import { Csrf, Pager, render } from '../web/layout.js';

export const PER_PAGE = 20;
/** As long as a chat message can carry on the strictest platform. */
const TEXT_MAX = 4000;

async function faqView(c: DashboardContext, deps: PageDeps, message?: { ok: boolean; text: string }, status: 200 | 400 | 403 | 404 = 200) {
  const { t, group, language } = c.var;
  const { faq } = deps.services;
  const index = await faq.index(scopeOf(group));
  const entries = index.entries();
  const pages = Math.max(1, Math.ceil(entries.length / PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number(c.req.query('page') ?? '1') || 1));
  const shown = entries.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const languages = supportedLanguages();
  const unanswered = await faq.unanswered.latest(scopeOf(group), 20);
  const action = groupPath(group.id, 'faq');
  const body = (
    <div>
      {message ? <p class={message.ok ? 'notice' : 'problem'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      <form method="post" action={`${action}/add`} class="card">
        <Csrf c={c} />
        <h2>{t('faq.add')}</h2>
        <label for="add-lang">{t('faq.language')}</label>
        <select id="add-lang" name="lang">
          {languages.map((code) => <option value={code} selected={code === group.language}>{languageName(code)}</option>)}
        </select>
        <label for="add-question">{t('faq.question')}</label>
        <input id="add-question" name="question" type="text" dir="auto" required maxlength={TEXT_MAX} />
        <label for="add-answer">{t('faq.answer')}</label>
        <textarea id="add-answer" name="answer" dir="auto" required maxlength={TEXT_MAX}></textarea>
        <p><button type="submit">{t('faq.add_button')}</button></p>
      </form>
      <h2>{t('faq.unanswered')}</h2>
      {unanswered.length === 0 ? (
        <p>{t('faq.unanswered_none')}</p>
      ) : (
        <ul>
          {unanswered.map((q) => (
            <li><span class="muted">{dateTime(q.askedAt, language, group.timezone)}</span> <bdi>{q.question}</bdi></li>
          ))}
        </ul>
      )}
      <h2>{t('faq.entries', { count: entries.length })}</h2>
      {shown.map((entry) => {
        const byLang = new Map(entry.translations.map((tr) => [tr.lang, tr]));
        return (
          <section class="card" aria-labelledby={`faq-${entry.id}`}>
            <h3 id={`faq-${entry.id}`}>#{entry.id}</h3>
            <div class="translations">
              {[...entry.translations.map((tr) => tr.lang), ...languages.filter((l) => !byLang.has(l))].map((lang) => {
                const tr = byLang.get(lang);
                return (
                  <form method="post" action={`${action}/translate`} class={tr ? 'card' : 'card missing'} lang={lang} dir={isRightToLeft(lang) ? 'rtl' : 'ltr'}>
                    <Csrf c={c} />
                    <input type="hidden" name="id" value={String(entry.id)} />
                    <input type="hidden" name="lang" value={lang} />
                    <strong>{languageName(lang)}</strong>
                    <label for={`q-${entry.id}-${lang}`}>{t('faq.question')}</label>
                    <input id={`q-${entry.id}-${lang}`} name="question" type="text" required maxlength={TEXT_MAX} value={tr?.question ?? ''} />
                    <label for={`a-${entry.id}-${lang}`}>{t('faq.answer')}</label>
                    <textarea id={`a-${entry.id}-${lang}`} name="answer" required maxlength={TEXT_MAX}>{tr?.answer ?? ''}</textarea>
                    <p><button type="submit" class={tr ? undefined : 'secondary'}>{tr ? t('faq.save') : t('faq.translate')}</button></p>
                  </form>
                );
              })}
            </div>
            <form method="post" action={`${action}/remove`}>
              <Csrf c={c} />
              <input type="hidden" name="id" value={String(entry.id)} />
              <button type="submit" class="danger">{t('faq.remove', { id: entry.id })}</button>
            </form>
          </section>
        );
      })}
      <Pager c={c} base={action} page={page} pages={pages} />
    </div>
  );
  return render(c, deps, { title: t('faq.title'), body, page: 'faq', status });
}

function parts(form: Record<string, string | string[]>) {
  const question = field(form, 'question').trim();
  const answer = field(form, 'answer').trim();
  return question && answer && question.length <= TEXT_MAX && answer.length <= TEXT_MAX ? { question, answer } : undefined;
}

export const faqPage: DashboardPage = {
  name: 'faq',
  label: 'faq.menu',
  role: 'moderator',
  routes(app, deps) {
    app.get('/', (c) => faqView(c, deps));

    app.post('/add', async (c) => {
      const { t, group, session } = c.var;
      if (!(await deps.mayChange(c, 'moderator'))) return faqView(c, deps, { ok: false, text: t('refused.role') }, 403);
      const lang = parseLanguageCode(field(c.var.form, 'lang'));
      const text = parts(c.var.form);
      if (!lang || !text) return faqView(c, deps, { ok: false, text: t('faq.error') }, 400);
      const home = await deps.services.faq.repository.add(scopeOf(group), { lang, ...text, authorId: session.person });
      await deps.services.faq.changed(home);
      await deps.services.audit.record(group.id, session.person, 'dashboard:faq add', {}, { id: home.id, lang, question: text.question });
      return faqView(c, deps, { ok: true, text: t('faq.added', { id: home.id }) });
    });

    app.post('/translate', async (c) => {
      const { t, group, session } = c.var;
      if (!(await deps.mayChange(c, 'moderator'))) return faqView(c, deps, { ok: false, text: t('refused.role') }, 403);
      const id = parseNumber(field(c.var.form, 'id'));
      const lang = parseLanguageCode(field(c.var.form, 'lang'));
      const text = parts(c.var.form);
      if (id === undefined || !lang || !text) return faqView(c, deps, { ok: false, text: t('faq.error') }, 400);
      const home = await deps.services.faq.repository.translate(scopeOf(group), id, { lang, ...text, authorId: session.person });
      if (!home) return faqView(c, deps, { ok: false, text: t('faq.not_found', { id }) }, 404);
      await deps.services.faq.changed(home);
      await deps.services.audit.record(group.id, session.person, 'dashboard:faq translate', {}, { id, lang, question: text.question });
      return faqView(c, deps, { ok: true, text: t('faq.saved', { id, language: languageName(lang) }) });
    });

    app.post('/remove', async (c) => {
      const { t, group, session } = c.var;
      if (!(await deps.mayChange(c, 'moderator'))) return faqView(c, deps, { ok: false, text: t('refused.role') }, 403);
      const id = parseNumber(field(c.var.form, 'id'));
      const home = id === undefined ? undefined : await deps.services.faq.repository.remove(scopeOf(group), id);
      if (!home) return faqView(c, deps, { ok: false, text: t('faq.not_found', { id: id ?? 0 }) }, 404);
      await deps.services.faq.changed(home);
      await deps.services.audit.record(group.id, session.person, 'dashboard:faq remove', { id }, {});
      return faqView(c, deps, { ok: true, text: t('faq.removed', { id }) });
    });
  },
};
