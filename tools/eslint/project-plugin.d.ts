// Types of project-plugin.js (plain JavaScript, so that eslint.config.js can load it without a build).
import type { ESLint } from 'eslint';

export declare const LAYERS: Readonly<Record<string, readonly string[]>>;
export declare const MAX_LINE_LENGTH: number;
export declare const projectPlugin: ESLint.Plugin;
