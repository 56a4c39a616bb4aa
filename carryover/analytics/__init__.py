"""Analytics: changes, effect sizes, pooling, and the warehouse's analysis views."""
