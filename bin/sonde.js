#!/usr/bin/env node
import { main } from '../dist/src/bin-main.js';
main();
