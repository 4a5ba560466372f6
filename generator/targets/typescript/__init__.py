"""The TypeScript target: the neutral model as an ESM SDK on a static fetch runtime."""
