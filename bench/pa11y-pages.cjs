#!/usr/bin/env node
// pa11y on many pages with one browser, for bench/validate.py.
//
//   node bench/pa11y-pages.cjs < {"config": "bench/pa11y.json", "urls": [...], "viewports": [{"width": 360, "height": 640}]}
//
// The pa11y command starts a new Chromium for every page (about 2 s each); pa11y's own API
// takes a browser to share, and this file is only that loop. It prints one JSON object:
// {"pa11y": version, "htmlcs": version, "results": [{"url", "viewport", "issues": [...], "error"}]}.
// CHROMIUM, when set, replaces the config's executablePath.
//
// Pages are checked as a visitor who asked for reduced motion sees them (the site's CSS then
// turns transitions off), and what still moves runs 1000 times faster (DevTools' playback
// rate). Otherwise HTML_CodeSniffer sometimes read a colour in the middle of a 125 ms
// transition on a cold load (a button's label in the link colour on the button's own
// colour, 1.15:1, in cards below the fold) and reported a contrast error that the settled
// page does not have, on about one cold load in six.
'use strict';

const fs = require('fs');
const path = require('path');
const pa11y = require('pa11y');
const puppeteer = require('puppeteer');

async function main() {
	const request = JSON.parse(fs.readFileSync(0, 'utf8'));
	const {chromeLaunchConfig = {}, ...options} = JSON.parse(fs.readFileSync(request.config, 'utf8'));
	if (process.env.CHROMIUM) {
		chromeLaunchConfig.executablePath = process.env.CHROMIUM;
	}
	const browser = await puppeteer.launch(chromeLaunchConfig);
	const results = [];
	try {
		for (const viewport of request.viewports) {
			for (const url of request.urls) {
				const page = await browser.newPage();
				try {
					await page.emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
					const devtools = await page.createCDPSession();
					await devtools.send('Animation.enable');
					await devtools.send('Animation.setPlaybackRate', {playbackRate: 1000});
					const found = await pa11y(url, {...options, browser, page, viewport});
					results.push({url, viewport, issues: found.issues});
				} catch (error) {
					results.push({url, viewport, issues: [], error: String(error && error.message || error).split('\n')[0]});
				} finally {
					await page.close();
				}
			}
		}
	} finally {
		await browser.close();
	}
	const version = name => JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', name, 'package.json'), 'utf8')).version;
	process.stdout.write(JSON.stringify({pa11y: version('pa11y'), htmlcs: version('@pa11y/html_codesniffer'), results}));
}

main().catch(error => {
	process.stderr.write(`pa11y-pages: ${error && error.stack || error}\n`);
	process.exitCode = 1;
});
