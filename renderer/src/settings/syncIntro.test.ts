import { describe, expect, it } from 'vitest';
import { syncEn, syncKo } from './syncTexts.ts';

// The server's reference database holds every person, country, source,
// programme and sector (with entries and annotations), whichever summit uses
// them (README, "What goes where"). A desk that shared the ASEAN summit and
// not the CPLP one found the CPLP counterpart's biography on its colleague's
// desk, while the panel had promised only what the ticked summits "need"
// would leave. The panel says what really leaves, in both languages.
describe('the Sync panel’s account of what leaves this computer', () => {
  it('does not promise that reference records follow the ticked summits', () => {
    expect(syncEn.intro).not.toMatch(/they need/);
    expect(syncKo.intro).not.toMatch(/그에 필요한/);
  });

  it('names biographies and annotations as read by every officer of the desk, even for a summit not ticked', () => {
    expect(syncEn.intro).toMatch(/every person \(with their biography\)/);
    expect(syncEn.intro).toMatch(
      /annotations, goes to one database that every officer of the desk reads, even one used only by a summit not ticked/,
    );
    expect(syncKo.intro).toMatch(/약력 포함/);
    expect(syncKo.intro).toMatch(/주석은 부서의 모든 담당관이 읽는 하나의 데이터베이스/);
  });
});
