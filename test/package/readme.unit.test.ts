/**
 * The README is for n8n users: short, in the n8n-nodes-starter template's order, with pictures of
 * the real editor that exist in the repository; everything for contributors lives in docs/.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = join(__dirname, '../..');
const README = join(ROOT, 'README.md');
const DOCS = join(ROOT, 'docs');
const MAX_WORDS = 2500;
const MIN_IMAGE_WIDTH = 800;

const readme = readFileSync(README, 'utf8');

/** Words as `wc -w` counts them. */
function wordCount(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/** Link targets of a Markdown file that point inside the repository (no scheme, no pure anchor). */
function localTargets(text: string): string[] {
	const targets = [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
	return targets.filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#')).map((target) => target.split('#')[0]);
}

/** A PNG's width and height from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
	const bytes = readFileSync(file);
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('README for n8n users', () => {
	it(`has at most ${MAX_WORDS} words`, () => {
		expect(wordCount(readme)).toBeLessThanOrEqual(MAX_WORDS);
	});

	it("follows the n8n-nodes-starter template's order, then Development", () => {
		const headings = [...readme.matchAll(/^## (.+)$/gm)].map((match) => match[1].trim());
		expect(headings).toEqual(['Installation', 'Operations', 'Credentials', 'Compatibility', 'Usage', 'Resources', 'Version history', 'Development']);
	});

	it('shows the two commands that need nothing else before Installation', () => {
		const top = readme.slice(0, readme.indexOf('## Installation'));
		expect(top).toContain('npm ci && npm run demo');
		expect(top).toMatch(/^npm test\b/m);
	});

	it(`embeds at least two editor screenshots: PNGs in the repository, at least ${MIN_IMAGE_WIDTH} px wide`, () => {
		const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)\s]+)\)/g)].map((match) => match[1]);
		expect(images.length).toBeGreaterThanOrEqual(2);
		for (const image of images) {
			expect(image).toMatch(/^docs\/images\/[\w-]+\.png$/);
			const file = join(ROOT, image);
			expect(existsSync(file)).toBe(true);
			const { width, height } = pngSize(file);
			expect(width).toBeGreaterThanOrEqual(MIN_IMAGE_WIDTH);
			expect(height).toBeGreaterThan(200);
		}
	});

	it('carries no section markers, and no dated run logs', () => {
		expect(readme).not.toMatch(/<!--\s*\/?section/);
		expect(readme).not.toMatch(/What was run \(20\d\d/);
	});
});

describe('docs/', () => {
	const pages = readdirSync(DOCS).filter((name) => name.endsWith('.md'));

	it('holds the contributor topics that left the README', () => {
		expect(pages).toEqual(expect.arrayContaining(['README.md', 'development.md', 'operations.md', 'trigger.md', 'real-n8n.md', 'performance.md', 'verification.md']));
	});

	it.each([README, ...pages.map((name) => join(DOCS, name))])('%s links only to files that exist', (file) => {
		const missing = localTargets(readFileSync(file, 'utf8'))
			.filter((target) => target !== '')
			.filter((target) => !existsSync(resolve(dirname(file), target)));
		expect(missing).toEqual([]);
	});

	it('links every docs page from docs/README.md', () => {
		const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
		for (const page of pages.filter((name) => name !== 'README.md')) expect(index).toContain(`(${page})`);
		expect(statSync(join(DOCS, 'images')).isDirectory()).toBe(true);
	});
});
