/**
 * The HTML of the authorize flow: the consent page (pick a company, Connect or Cancel) and the error page
 * shown when the client or redirect URI cannot be trusted (a real IdP never redirects to an unverified
 * URI). Plain server-rendered forms with no script, so a test can submit them with fetch like a browser.
 */

export interface ConsentPageModel {
  appName: string;
  formAction: string;
  consentId: string;
  scopes: string[];
  /** Empty when no company-data scope was asked for (OpenID only). */
  companies: Array<{ realmId: string; companyName: string }>;
  selectedRealmId: string | undefined;
}

export function renderConsentPage(model: ConsentPageModel): string {
  const companies = model.companies
    .map((company, index) => {
      const checked = model.selectedRealmId ? company.realmId === model.selectedRealmId : index === 0;
      return `<label class="company"><input type="radio" name="realmId" value="${escapeHtml(company.realmId)}"${checked ? ' checked' : ''} required> ${escapeHtml(company.companyName)} <small>(${escapeHtml(company.realmId)})</small></label>`;
    })
    .join('\n');
  const scopes = model.scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('');
  return page(
    `Connect ${model.appName}`,
    `<h1>Connect <em>${escapeHtml(model.appName)}</em> to QuickBooks</h1>
<p>This app is asking for:</p>
<ul>${scopes}</ul>
<form method="post" action="${escapeHtml(model.formAction)}">
<input type="hidden" name="consent" value="${escapeHtml(model.consentId)}">
${model.companies.length > 0 ? `<fieldset><legend>Choose a company</legend>\n${companies}\n</fieldset>` : ''}
<p class="actions">
<button type="submit" name="decision" value="cancel" formnovalidate>Cancel</button>
<button type="submit" name="decision" value="connect" class="primary">Connect</button>
</p>
</form>`,
  );
}

export function renderErrorPage(title: string, detail: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error">${escapeHtml(detail)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · QuickBooks sandbox</title>
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}
fieldset{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem}
.company{display:block;margin:.4rem 0}
.actions{display:flex;gap:.75rem;justify-content:flex-end;margin-top:1.5rem}
button{padding:.5rem 1.2rem;border-radius:4px;border:1px solid #888;background:#fff;cursor:pointer}
.primary{background:#2ca01c;border-color:#2ca01c;color:#fff}
.error{color:#a00}
</style>
</head>
<body>
${body}
<footer><small>fieldbooks QuickBooks Online sandbox: no real Intuit account is involved.</small></footer>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
