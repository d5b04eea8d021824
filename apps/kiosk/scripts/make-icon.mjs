#!/usr/bin/env node
// Draws the kiosk's application icon (512x512 PNG) into build/icon.png, which electron-builder
// uses for Linux and converts for the Windows installer. Run: node apps/kiosk/scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);
const SIZE = 512;
const OUT = resolve(fileURLToPath(new URL('../../../build/icon.png', import.meta.url)));

function registerFont() {
  try {
    const path = require.resolve('@expo-google-fonts/be-vietnam-pro/800ExtraBold/BeVietnamPro_800ExtraBold.ttf');
    if (GlobalFonts.registerFromPath(path, 'QMS Icon')) return '"QMS Icon"';
  } catch {
    // fall back to whatever sans-serif the system has
  }
  return 'sans-serif';
}

function drawIcon() {
  const canvas = createCanvas(SIZE, SIZE);
  const ctx = canvas.getContext('2d');
  const family = registerFont();
  const gradient = ctx.createLinearGradient(0, 0, 0, SIZE);
  gradient.addColorStop(0, '#1a73e8');
  gradient.addColorStop(1, '#0b57d0');
  ctx.fillStyle = gradient;
  ctx.beginPath();
  ctx.roundRect(16, 16, SIZE - 32, SIZE - 32, 96);
  ctx.fill();
  // A ticket-slip bar under the letters.
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.roundRect(112, 350, SIZE - 224, 56, 28);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `168px ${family}`;
  ctx.fillText('QMS', SIZE / 2, 300);
  return canvas.toBuffer('image/png');
}

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, drawIcon());
console.log(`wrote ${OUT}`);
