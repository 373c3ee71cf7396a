import { Form, Link, useFetcher } from "@remix-run/react";
import { type DragEvent, useState } from "react";
import { Button, ButtonLink } from "~/components/Button";
import { ConfirmButton } from "~/components/Feedback";
import { useTranslation } from "~/i18n/react";

export interface OutlineModule {
  id: string;
  title: string;
  lessons: Array<{ id: string; title: string; type: string; required: boolean; isFinalTest: boolean }>;
}

/**
 * Modules and lessons of a course with their controls. Every move is a button ("up", "down"),
 * so the keyboard and screen readers can reorder; dragging a lesson or module onto another is
 * an enhancement that posts the new order the same way.
 */
export function OutlineEditor({ courseId, modules }: { courseId: string; modules: OutlineModule[] }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const [dragging, setDragging] = useState<{ kind: "module" | "lesson"; id: string } | null>(null);

  const drop = (kind: "module" | "lesson", targetId: string, siblings: string[]) => (event: DragEvent) => {
    event.preventDefault();
    if (!dragging || dragging.kind !== kind || dragging.id === targetId || !siblings.includes(dragging.id)) return;
    const order = siblings.filter((id) => id !== dragging.id);
    order.splice(order.indexOf(targetId), 0, dragging.id);
    fetcher.submit({ intent: "reorder", kind, id: dragging.id, order: JSON.stringify(order) }, { method: "post" });
    setDragging(null);
  };
  const dragProps = (kind: "module" | "lesson", id: string, siblings: string[]) => ({
    draggable: true,
    onDragStart: (event: DragEvent) => {
      event.stopPropagation();
      setDragging({ kind, id });
    },
    onDragOver: (event: DragEvent) => {
      if (dragging?.kind === kind) event.preventDefault();
    },
    onDrop: drop(kind, id, siblings),
  });
  const moduleIds = modules.map((module) => module.id);

  const moveButtons = (kind: "module" | "lesson", id: string, title: string) => (
    <Form method="post" className="inline-form move-buttons">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="ghost"
        name="direction"
        value="up"
        aria-label={t("courses.editor.moveUp", { title })}
      >
        ↑
      </Button>
      <Button
        type="submit"
        variant="ghost"
        name="direction"
        value="down"
        aria-label={t("courses.editor.moveDown", { title })}
      >
        ↓
      </Button>
    </Form>
  );

  return (
    <section aria-labelledby="outline-title" className="outline-editor">
      <h2 id="outline-title">{t("courses.editor.outline")}</h2>
      <p className="muted">{t("courses.editor.reorderHint")}</p>
      <ol className="outline-modules">
        {modules.map((module, index) => {
          const lessonIds = module.lessons.map((lesson) => lesson.id);
          return (
            <li key={module.id} className="card outline-module" {...dragProps("module", module.id, moduleIds)}>
              <div className="outline-row">
                <h3>
                  {t("courses.editor.moduleNumber", { number: index + 1 })}: {module.title}
                </h3>
                {moveButtons("module", module.id, module.title)}
              </div>
              <details>
                <summary>{t("courses.editor.renameModule")}</summary>
                <Form method="post" className="inline-fields">
                  <input type="hidden" name="intent" value="renameModule" />
                  <input type="hidden" name="moduleId" value={module.id} />
                  <label>
                    {t("courses.editor.moduleTitle")}{" "}
                    <input name="title" defaultValue={module.title} required maxLength={200} />
                  </label>
                  <Button type="submit" variant="secondary">
                    {t("common.save")}
                  </Button>
                </Form>
              </details>
              {module.lessons.length === 0 ? <p className="muted">{t("courses.editor.noLessons")}</p> : null}
              <ol className="outline-lessons">
                {module.lessons.map((lesson) => (
                  <li key={lesson.id} className="outline-row" {...dragProps("lesson", lesson.id, lessonIds)}>
                    <span>
                      <Link to={`/manage/courses/${courseId}/lessons/${lesson.id}`}>{lesson.title}</Link>{" "}
                      <span className="badge">{t(`courses.lessonTypes.${lesson.type}`)}</span>
                      {lesson.isFinalTest ? <span className="badge">{t("courses.editor.finalTest")}</span> : null}
                      {!lesson.required ? <span className="badge">{t("courses.editor.optional")}</span> : null}
                    </span>
                    <span className="outline-actions">
                      {moveButtons("lesson", lesson.id, lesson.title)}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="removeLesson" />
                        <input type="hidden" name="lessonId" value={lesson.id} />
                        <ConfirmButton
                          name="remove"
                          value={lesson.id}
                          title={t("courses.editor.removeLessonTitle", { title: lesson.title })}
                          body={t("courses.editor.removeBody")}
                          confirmLabel={t("courses.editor.remove")}
                        >
                          {t("courses.editor.remove")}
                        </ConfirmButton>
                      </Form>
                    </span>
                  </li>
                ))}
              </ol>
              <div className="outline-row">
                <ButtonLink variant="secondary" to={`/manage/courses/${courseId}/lessons/new?moduleId=${module.id}`}>
                  {t("courses.editor.addLesson")}
                </ButtonLink>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="removeModule" />
                  <input type="hidden" name="moduleId" value={module.id} />
                  <ConfirmButton
                    name="remove"
                    value={module.id}
                    title={t("courses.editor.removeModuleTitle", { title: module.title })}
                    body={t("courses.editor.removeBody")}
                    confirmLabel={t("courses.editor.remove")}
                  >
                    {t("courses.editor.removeModule")}
                  </ConfirmButton>
                </Form>
              </div>
            </li>
          );
        })}
      </ol>
      <Form method="post" className="card inline-fields">
        <input type="hidden" name="intent" value="addModule" />
        <label>
          {t("courses.editor.newModule")} <input name="title" required maxLength={200} />
        </label>
        <Button type="submit" variant="secondary">
          {t("courses.editor.addModule")}
        </Button>
      </Form>
    </section>
  );
}
