LAZY = "loaded on demand"
