module.exports = { ...require('../../jest.preset.js'), displayName: 'placement-move', rootDir: __dirname };
