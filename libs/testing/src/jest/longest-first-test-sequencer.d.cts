import TestSequencer from '@jest/test-sequencer';

declare class LongestFirstTestSequencer extends TestSequencer {}

export = LongestFirstTestSequencer;
