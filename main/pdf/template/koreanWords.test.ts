import { describe, expect, it } from 'vitest';
import { keptKoreanWords } from './koreanWords.ts';

describe('Korean words in the printed HTML', () => {
  it('keeps each word holding Hangul whole, punctuation and Latin letters joined to it included', () => {
    expect(keptKoreanWords('<html><head></head><body><h1>APEC 정상회의, 경주 2025: 양자회담 자료</h1></body></html>')).toBe(
      '<html><head></head><body><h1>APEC <span class="ko-word">정상회의,</span> <span class="ko-word">경주</span> 2025: ' +
        '<span class="ko-word">양자회담</span> <span class="ko-word">자료</span></h1></body></html>',
    );
    expect(keptKoreanWords('<body><p>R&amp;D협력 (비)</p></body>')).toBe(
      '<body><p><span class="ko-word">R&amp;D협력</span> <span class="ko-word">(비)</span></p></body>',
    );
  });

  it('leaves the head, attributes and text in other scripts as they were', () => {
    const html =
      '<html><head><title>경주 자료</title><meta name="author" content="외교부 데스크"/></head>' +
      '<body class="paper-a4"><p title="경주">习近平 石破 茂（いしば しげる） Peña</p></body></html>';
    expect(keptKoreanWords(html)).toBe(html);
    expect(keptKoreanWords('<p>no body</p>')).toBe('<p>no body</p>');
  });
});
