import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

/**
 * Chinese word segmentation for the search index (@node-rs/jieba with its default dictionary and our
 * legal terms, so that 行政复议, 规范性文件, 合法性审查 stay whole). A document is indexed under every
 * dictionary word inside it (行政规范性文件 → 行政, 规范, 规范性, 文件, 规范性文件, 行政规范性文件) and the
 * words precise mode finds (which include new words by HMM); a query is cut in precise mode, so its
 * words are found whether they are a document's whole words or parts of longer ones.
 */

const require = createRequire(import.meta.url);

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    const { dict } = require('@node-rs/jieba/dict') as { dict: Buffer };
    jieba = Jieba.withDict(dict);
    jieba.loadDict(readFileSync(new URL('./legal-terms.txt', import.meta.url)));
  }
  return jieba;
}

/** Words that say nothing about a document: function words and the punctuation around them. */
const STOP_WORDS = new Set(['的', '了', '和', '与', '及', '或', '等', '在', '对', '为', '是', '将', '把', '被', '之', '其', '于', '以', '并', '由', '从', '向', '中']);
/** A token with a letter, digit or CJK character (drops punctuation and spaces). */
const WORDISH = /[\p{L}\p{N}]/u;

const keep = (token: string) => WORDISH.test(token) && !STOP_WORDS.has(token);
const normalise = (token: string) => token.trim().toLowerCase();

/** The distinct words of a document's text, for its tsvector. */
export function indexWords(text: string): string[] {
  const jieba = segmenter();
  return [...new Set([...jieba.cut(text, true), ...jieba.cutAll(text)].map(normalise).filter(keep))];
}

/** The words of a query; every one must occur in a document for it to match. */
export function queryWords(query: string): string[] {
  return [...new Set(segmenter().cut(query, true).map(normalise).filter(keep))];
}
