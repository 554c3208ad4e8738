// The DOM matchers (toBeVisible, toHaveTextContent, toHaveValue…) for every test.
import "@testing-library/jest-dom/vitest";
