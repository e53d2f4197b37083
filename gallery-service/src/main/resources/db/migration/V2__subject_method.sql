-- How a render found the subject (IS-Net, GrabCut, or none needed): shown with the step so a result can be explained.
ALTER TABLE gallery_step ADD COLUMN subject_method VARCHAR(64);
