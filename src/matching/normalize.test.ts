import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  arabicSkeleton, cyrillicLanguage, detectScript, foldSpelling, foldUnicode, keySkeleton, latinSkeleton, toAscii,
  transliterateCyrillic, unifyArabic,
} from './normalize.js';

describe('script detection', () => {
  it('tells the dominant script of a name', () => {
    assert.equal(detectScript('Mohammed al-Hassan'), 'latin');
    assert.equal(detectScript('محمد الحسن'), 'arabic');
    assert.equal(detectScript('پزشکیان'), 'arabic');
    assert.equal(detectScript('Владимир Путин'), 'cyrillic');
    assert.equal(detectScript('Κυριάκος Μητσοτάκης'), 'greek');
    assert.equal(detectScript('习近平'), 'han');
    assert.equal(detectScript('1976'), 'latin');
  });
});

describe('Unicode folding', () => {
  it('turns Arabic presentation forms into plain letters and unifies apostrophes and dashes', () => {
    assert.equal(foldUnicode('ﻤﺣﻤﺩ'), 'محمد');
    assert.equal(foldUnicode('‘ABD AL‐RAHMAN  BIN ‘UMAYR'), "'ABD AL-RAHMAN BIN 'UMAYR");
  });

  it('removes zero-width characters (the Persian half-space)', () => {
    assert.equal(foldUnicode('پزشک\u200cفر'), 'پزشکفر');
  });
});

describe('Arabic letter variants', () => {
  it('unifies yeh, alef maksura and Persian yeh', () => {
    assert.equal(unifyArabic('علی'), unifyArabic('علي'));
    assert.equal(unifyArabic('موسى'), unifyArabic('موسي'));
  });

  it('unifies kaf and Persian keheh', () => {
    assert.equal(unifyArabic('اکبر'), unifyArabic('اكبر'));
  });

  it('unifies alef with hamza above, below and madda with bare alef', () => {
    assert.equal(unifyArabic('أحمد'), 'احمد');
    assert.equal(unifyArabic('إبراهيم'), 'ابراهيم');
    assert.equal(unifyArabic('آغا'), 'اغا');
  });

  it('unifies teh marbuta with heh', () => {
    assert.equal(unifyArabic('أسامة'), unifyArabic('اسامه'));
  });

  it('removes harakat, shadda and tatweel', () => {
    assert.equal(unifyArabic('مُحَمَّد'), 'محمد');
    assert.equal(unifyArabic('محـــمد'), 'محمد');
  });

  it('gives Latin and Arabic spellings of one name the same consonant skeleton', () => {
    assert.equal(arabicSkeleton(unifyArabic('محمد')), latinSkeleton('mohammed'));
    assert.equal(arabicSkeleton(unifyArabic('محمد')), latinSkeleton('muhammad'));
    assert.equal(arabicSkeleton(unifyArabic('حسن')), latinSkeleton('hassan'));
    assert.equal(keySkeleton(arabicSkeleton(unifyArabic('يوسف'))), keySkeleton(latinSkeleton('yusuf')));
    assert.equal(keySkeleton(arabicSkeleton(unifyArabic('أنوري'))), keySkeleton(latinSkeleton('anwari')));
  });
});

describe('Cyrillic transliteration', () => {
  it('reads Russian in the BGN/PCGN system', () => {
    assert.equal(transliterateCyrillic('Владимир Путин', 'ru'), 'vladimir putin');
    assert.equal(transliterateCyrillic('Евгений Пригожин', 'ru'), 'yevgeniy prigozhin');
    assert.equal(transliterateCyrillic('Хрущёв', 'ru'), 'khrushchev');
  });

  it('reads Ukrainian in the national system (г = h, и = y, і = i)', () => {
    assert.equal(transliterateCyrillic('Володимир Зеленський', 'uk'), 'volodymyr zelenskyi');
    assert.equal(transliterateCyrillic('Фуад Гулієв', 'uk'), 'fuad huliiev');
    assert.equal(transliterateCyrillic('Юлія', 'uk'), 'yuliia');
  });

  it('tells Ukrainian from Russian by the letters only one of them has', () => {
    assert.equal(cyrillicLanguage('Гулієв'), 'uk');
    assert.equal(cyrillicLanguage('Лукашэнка'), 'ru');
    assert.equal(cyrillicLanguage('Вучић'), 'sr');
    assert.equal(cyrillicLanguage('Зеленський'), 'unknown');
  });
});

describe('Latin spellings', () => {
  it('strips diacritics, including letters NFD cannot decompose', () => {
    assert.equal(toAscii('Erdoğan'), 'erdogan');
    assert.equal(toAscii('Vučić'), 'vucic');
    assert.equal(toAscii('Łódź Ørsted Straße'), 'lodz orsted strasse');
  });

  it('folds romanisation variants of one sound', () => {
    assert.equal(foldSpelling('zelenskyy'), foldSpelling('zelensky'));
    assert.equal(foldSpelling('mahmood'), foldSpelling('mahmoud'));
    assert.equal(foldSpelling('wladimir'), foldSpelling('vladimir'));
    assert.equal(foldSpelling('yevgeny'), foldSpelling('evgeny'));
    assert.equal(foldSpelling('abdullah'), foldSpelling('abdulla'));
    assert.notEqual(foldSpelling('omar'), foldSpelling('amir'));
  });
});
