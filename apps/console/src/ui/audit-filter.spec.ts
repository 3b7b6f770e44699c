import { auditFilterFromForm } from './audit-filter';

function searchForm(values: Record<string, string>): HTMLFormElement {
  const form = document.createElement('form');
  for (const [name, value] of Object.entries(values)) {
    const input = document.createElement('input');
    input.name = name;
    input.value = value;
    form.append(input);
  }
  return form;
}

describe('auditFilterFromForm', () => {
  // The console's Jest config runs these in Asia/Tokyo, nine hours ahead of the UTC days searched.
  it('searches whole UTC days whatever the browser’s time zone, the last one included', () => {
    expect(auditFilterFromForm(searchForm({ from: '2026-12-01', to: '2026-12-07' }))).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-08T00:00:00.000Z',
    });
  });

  it('trims what was typed, leaves out empty fields and takes the caller’s own fields', () => {
    const form = searchForm({
      action: ' tenant.tier_changed ',
      outcome: '',
      actor_id: '',
      tenant_id: ' platform',
    });
    expect(auditFilterFromForm(form, ['tenant_id'])).toEqual({
      action: 'tenant.tier_changed',
      tenant_id: 'platform',
    });
  });
});
